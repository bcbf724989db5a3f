#include "lint/rule.h"

namespace pgguard::lint {
namespace {

// PostgreSQL names an unnamed check <table>_<column>_check when it uses one column, else <table>_check.
std::string default_check_name(const std::string& table, const Node& expression) {
  std::vector<std::string> columns = referenced_columns(expression);
  return truncate_identifier(table + (columns.size() == 1 ? "_" + columns[0] : "") + "_check");
}

class CheckWithoutNotValid : public LintRule {
 public:
  std::string_view id() const override { return "check-without-not-valid"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;  // an empty new table has nothing to scan
    std::string t = qualified_name(c.node()["relation"]);
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      Node con = cmd["def"]["Constraint"];
      if (cmd.str("subtype") != "AT_AddConstraint" || con.str("contype") != "CONSTR_CHECK" || con.flag("skip_validation")) continue;
      std::string name = con.str("conname");
      if (name.empty()) name = default_check_name(table, con["raw_expr"]);
      std::string expression = parenthesized_after(c.statement, con.integer("location", -1), {"constraint", "check"});
      if (expression.empty()) expression = "<expression>";
      out.push_back({"ADD CONSTRAINT " + name + " CHECK without NOT VALID takes " + a_lock(lock_fact("add-check", c.settings.pg_version), table) + ".",
                     "ALTER TABLE " + t + " ADD CONSTRAINT " + name + " CHECK (" + expression + ")" +
                         (con.flag("is_no_inherit") ? " NO INHERIT" : "") +
                         " NOT VALID;\n"
                         "-- then, in a later transaction (the next migration):\nALTER TABLE " +
                         t + " VALIDATE CONSTRAINT " + name + ";",
                     0, table});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_check_without_not_valid() { return std::make_unique<CheckWithoutNotValid>(); }

}  // namespace pgguard::lint
