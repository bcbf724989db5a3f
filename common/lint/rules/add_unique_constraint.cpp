#include "lint/rule.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

class AddUniqueConstraint : public LintRule {
 public:
  std::string_view id() const override { return "add-unique-constraint"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;
    std::string t = qualified_name(c.node()["relation"]);
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      Node con = cmd["def"]["Constraint"];
      // UNIQUE USING INDEX attaches an index built beforehand: only a brief lock.
      if (cmd.str("subtype") != "AT_AddConstraint" || con.str("contype") != "CONSTR_UNIQUE" || con.has("indexname")) continue;
      std::vector<std::string> columns = column_names(con["keys"]);
      std::string name = con.str("conname");
      if (name.empty()) name = truncate_identifier(table + "_" + join(columns, "_") + "_key");  // PostgreSQL's default name
      std::string include = column_names(con["including"]).empty() ? "" : " INCLUDE (" + join(column_names(con["including"]), ", ") + ")";
      out.push_back({"ADD CONSTRAINT " + name + " UNIQUE builds its index while holding " + a_lock(lock_fact("add-unique", c.settings.pg_version), table) + ".",
                     outside_transaction_fix(c, "CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + t + " (" + join(columns, ", ") +
                                                    ")" + include + (con.flag("nulls_not_distinct") ? " NULLS NOT DISTINCT" : "") + ";") +
                         "\n-- then:\nALTER TABLE " +
                         t + " ADD CONSTRAINT " + name + " UNIQUE USING INDEX " + name +
                         (con.flag("deferrable") ? (con.flag("initdeferred") ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE") : "") +
                         ";",
                     0, table});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_add_unique_constraint() { return std::make_unique<AddUniqueConstraint>(); }

}  // namespace pgguard::lint
