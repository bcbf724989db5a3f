#include "lint/rule.h"

namespace pgguard::lint {
namespace {

// Readers of the column (application code, reports, other services) were written for a column
// that is never NULL; once NULLs get in they fail or compute wrong results.
class DropNotNull : public LintRule {
 public:
  std::string_view id() const override { return "drop-not-null"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      if (cmd.str("subtype") != "AT_DropNotNull") continue;
      std::string column = cmd.str("name");
      out.push_back({"DROP NOT NULL on " + table + "." + column + " lets NULLs in where readers do not expect them (" +
                         describe(lock_fact("drop-not-null", c.settings.pg_version), table) + ").",
                     "-- keep " + table + "." + column + " NOT NULL and store a sentinel instead of NULL, e.g.:\n"
                     "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DEFAULT <sentinel>;",
                     0, table});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_drop_not_null() { return std::make_unique<DropNotNull>(); }

}  // namespace pgguard::lint
