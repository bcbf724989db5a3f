#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

class CreateExtension : public LintRule {
 public:
  std::string_view id() const override { return "create-extension"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "CreateExtensionStmt") return;
    std::string name = c.node().str("extname");
    // The migration role is rarely allowed to create extensions, and managed services allow a fixed list.
    out.push_back({"CREATE EXTENSION " + name + " needs a privileged role (superuser or the provider's admin role), "
                   "and managed PostgreSQL services offer only some extensions, so the migration can fail there.",
                   "-- provision it outside the migrations, as an administrator: CREATE EXTENSION IF NOT EXISTS " + name +
                       ";  then drop the statement from this migration",
                   0, ""});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_create_extension() { return std::make_unique<CreateExtension>(); }

}  // namespace pgguard::lint
