#include "lint/rule.h"

namespace pgguard::lint {
namespace {

// Migrations run inside a database against every environment; dropping one is never a schema change.
class DropDatabase : public LintRule {
 public:
  std::string_view id() const override { return "drop-database"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "DropdbStmt") return;
    std::string name = c.node().str("dbname");
    out.push_back({"DROP DATABASE " + name + " deletes a whole database, in every environment this migration runs in.",
                   "-- remove this statement; drop databases by hand, outside the migrations", 0, ""});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_drop_database() { return std::make_unique<DropDatabase>(); }

}  // namespace pgguard::lint
