#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

class RenameSchema : public LintRule {
 public:
  std::string_view id() const override { return "rename-schema"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "RenameStmt" || c.node().str("renameType") != "OBJECT_SCHEMA") return;
    std::string from = c.node().str("subname"), to = c.node().str("newname");
    // Clients name schemas in queries, search_path settings and function bodies: all break at once.
    out.push_back({"ALTER SCHEMA " + from + " RENAME TO " + to + " breaks every running client, search_path setting "
                   "and function body that still names " + from + ".",
                   "CREATE SCHEMA " + to + ";  -- create the objects in " + to + ", dual-write, switch clients to " + to +
                       ", then DROP SCHEMA " + from + " in a later release",
                   0, ""});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_rename_schema() { return std::make_unique<RenameSchema>(); }

}  // namespace pgguard::lint
