#include "lint/rule.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

std::string action(const std::string& code) {
  if (code == "r") return "RESTRICT";
  if (code == "c") return "CASCADE";
  if (code == "n") return "SET NULL";
  if (code == "d") return "SET DEFAULT";
  return "";  // a: NO ACTION, the default
}

// FOREIGN KEY (...) REFERENCES ... rebuilt from the constraint node, for the NOT VALID rewrite.
std::string foreign_key_clause(const Node& con, const std::vector<std::string>& columns) {
  std::string out = "FOREIGN KEY (" + join(columns, ", ") + ") REFERENCES " + qualified_name(con["pktable"]);
  std::vector<std::string> referenced = column_names(con["pk_attrs"]);
  if (!referenced.empty()) out += " (" + join(referenced, ", ") + ")";
  if (con.str("fk_matchtype") == "f") out += " MATCH FULL";
  if (std::string on_delete = action(con.str("fk_del_action")); !on_delete.empty()) out += " ON DELETE " + on_delete;
  if (std::string on_update = action(con.str("fk_upd_action")); !on_update.empty()) out += " ON UPDATE " + on_update;
  if (con.flag("deferrable")) out += con.flag("initdeferred") ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
  return out;
}

class FkWithoutNotValid : public LintRule {
 public:
  std::string_view id() const override { return "fk-without-not-valid"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;  // an empty new table has nothing to scan
    std::string t = qualified_name(c.node()["relation"]);
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      std::string subtype = cmd.str("subtype");
      if (subtype == "AT_AddConstraint") {
        Node con = cmd["def"]["Constraint"];
        if (con.str("contype") != "CONSTR_FOREIGN" || con.flag("skip_validation")) continue;
        report(con, column_names(con["fk_attrs"]), table, t, "", c.settings.pg_version, out);
      } else if (subtype == "AT_AddColumn") {
        // A new column without a default is all NULL, so its REFERENCES checks nothing; with a default every row is checked.
        Node def = cmd["def"]["ColumnDef"];
        Node fk;
        bool has_default = false;
        for (const Node& item_constraint : def["constraints"].list()) {
          Node con = item_constraint["Constraint"];
          if (con.str("contype") == "CONSTR_FOREIGN") fk = con;
          if (con.str("contype") == "CONSTR_DEFAULT" && !con["raw_expr"]["A_Const"].flag("isnull")) has_default = true;
        }
        if (fk && has_default && !fk.flag("skip_validation"))
          report(fk, {def.str("colname")}, table, t, "-- add " + def.str("colname") + " with its DEFAULT but without REFERENCES, then:\n",
                 c.settings.pg_version, out);
      }
    }
  }

 private:
  static void report(const Node& con, const std::vector<std::string>& columns, const std::string& table, const std::string& t,
                     const std::string& fix_prefix, int pg_version, std::vector<RuleFinding>& out) {
    std::string parent = relation_name(con["pktable"]);
    std::string name = con.str("conname");
    if (name.empty()) name = truncate_identifier(table + "_" + join(columns, "_") + "_fkey");  // PostgreSQL's default name
    std::string tables = parent.empty() || parent == table ? table : table + " and " + parent;
    out.push_back({"ADD FOREIGN KEY " + name + " without NOT VALID takes " + a_lock(lock_fact("add-foreign-key", pg_version), tables) + ".",
                   fix_prefix + "ALTER TABLE " + t + " ADD CONSTRAINT " + name + " " + foreign_key_clause(con, columns) +
                       " NOT VALID;\n-- then, in a later transaction (the next migration):\nALTER TABLE " + t + " VALIDATE CONSTRAINT " +
                       name + ";",
                   0, table});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_fk_without_not_valid() { return std::make_unique<FkWithoutNotValid>(); }

}  // namespace pgguard::lint
