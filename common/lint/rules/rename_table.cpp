#include "lint/rule.h"

namespace pgguard::lint {
namespace {

// Whether a later statement of the same section creates a view under the old name, which keeps
// the old name working for the running application version.
bool followed_by_view(const StatementContext& c, const std::string& name) {
  bool after = false;
  for (const Statement& s : c.migration.statements) {
    if (&s == &c.statement) after = true;
    else if (after && s.section == c.statement.section && s.type == "ViewStmt" && relation_name(s.node.body()["view"]) == name)
      return true;
  }
  return false;
}

class RenameTable : public LintRule {
 public:
  std::string_view id() const override { return "rename-table"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "RenameStmt" || c.node().str("renameType") != "OBJECT_TABLE") return;
    std::string from = relation_name(c.node()["relation"]), to = c.node().str("newname");
    if (c.is_new_table(from) || followed_by_view(c, from)) return;
    out.push_back({"Renaming table " + from + " to " + to + " breaks the application version still running, which uses the old name (" +
                       describe(lock_fact("rename", c.settings.pg_version), from) + ").",
                   "ALTER TABLE " + from + " RENAME TO " + to + ";\n"
                   "CREATE VIEW " + from + " AS SELECT * FROM " + to + ";  -- the old name keeps working; drop the view once no code uses it",
                   0, from});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_rename_table() { return std::make_unique<RenameTable>(); }

}  // namespace pgguard::lint
