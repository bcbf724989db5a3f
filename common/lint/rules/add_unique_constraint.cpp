#include "lint/rule.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

// "an ACCESS EXCLUSIVE lock on t, ..." with the article the lock name needs.
std::string a_lock(const LockFact& fact, const std::string& relation) {
  return (fact.lock.empty() || std::string("AEIOU").find(fact.lock[0]) == std::string::npos ? "a " : "an ") + describe(fact, relation);
}

std::string qualified(const Node& range_var) {
  std::string schema = range_var.str("schemaname");
  return (schema.empty() ? "" : schema + ".") + range_var.str("relname");
}

class AddUniqueConstraint : public LintRule {
 public:
  std::string_view id() const override { return "add-unique-constraint"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;
    std::string t = qualified(c.node()["relation"]);
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      Node con = cmd["def"]["Constraint"];
      // UNIQUE USING INDEX attaches an index built beforehand: only a brief lock.
      if (cmd.str("subtype") != "AT_AddConstraint" || con.str("contype") != "CONSTR_UNIQUE" || con.has("indexname")) continue;
      std::vector<std::string> columns = column_names(con["keys"]);
      std::string name = con.str("conname");
      if (name.empty()) name = table + "_" + join(columns, "_") + "_key";  // PostgreSQL's default name
      if (name.size() > 63) name = name.substr(0, 63);
      std::string include = column_names(con["including"]).empty() ? "" : " INCLUDE (" + join(column_names(con["including"]), ", ") + ")";
      out.push_back({"ADD CONSTRAINT " + name + " UNIQUE builds its index while holding " + a_lock(lock_fact("add-unique"), table) + ".",
                     "CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + t + " (" + join(columns, ", ") + ")" + include +
                         (con.flag("nulls_not_distinct") ? " NULLS NOT DISTINCT" : "") +
                         ";  -- outside a transaction\n"
                         "ALTER TABLE " +
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
