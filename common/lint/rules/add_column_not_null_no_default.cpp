#include <map>

#include "lint/rule.h"

namespace pgguard::lint {
namespace {

// A constant default worth suggesting for common types; the user still has to pick the right value.
std::string suggested_default(const Column& type) {
  static const std::map<std::string, std::string> kDefaults = {
      {"bool", "false"},       {"int2", "0"},  {"int4", "0"},     {"int8", "0"},     {"numeric", "0"}, {"float4", "0"},
      {"float8", "0"},         {"text", "''"}, {"varchar", "''"}, {"jsonb", "'{}'"}, {"json", "'{}'"}, {"timestamptz", "now()"},
      {"date", "CURRENT_DATE"}};
  if (type.is_array) return "'{}'";
  auto it = kDefaults.find(type.type);
  return it == kDefaults.end() ? "<constant>" : it->second;
}

class AddColumnNotNullNoDefault : public LintRule {
 public:
  std::string_view id() const override { return "add-column-not-null-no-default"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;  // empty: NOT NULL without a default is fine there
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      if (cmd.str("subtype") != "AT_AddColumn") continue;
      Node def = cmd["def"]["ColumnDef"];
      Column type = column_type(def["typeName"]);
      bool not_null = def.flag("is_not_null"), fills_itself = type.type.find("serial") != std::string::npos;
      for (const Node& item_constraint : def["constraints"].list()) {
        Node con = item_constraint["Constraint"];
        std::string contype = con.str("contype");
        if (contype == "CONSTR_NOTNULL" || contype == "CONSTR_PRIMARY") not_null = true;
        // identity and generated columns get a value for every row; DEFAULT NULL does not help
        if ((contype == "CONSTR_DEFAULT" && !con["raw_expr"]["A_Const"].flag("isnull")) || contype == "CONSTR_IDENTITY" ||
            contype == "CONSTR_GENERATED")
          fills_itself = true;
      }
      if (!not_null || fills_itself) continue;
      std::string column = def.str("colname"), t = qualified_name(c.node()["relation"]), type_text = describe_type(type);
      out.push_back({"ADD COLUMN " + column + " NOT NULL without a DEFAULT takes " + a_lock(lock_fact("add-column-not-null", c.settings.pg_version), table) +
                         " (\"contains null values\"), and inserts from the running code that omit " + column + " break.",
                     "ALTER TABLE " + t + " ADD COLUMN " + column + " " + type_text + " NOT NULL DEFAULT " + suggested_default(type) +
                         ";  -- a constant default is catalog-only on PostgreSQL 11+\n"
                         "-- or: ADD COLUMN " +
                         column + " " + type_text + " (nullable), backfill in batches, then CHECK (" + column +
                         " IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, SET NOT NULL",
                     0, table});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_add_column_not_null_no_default() { return std::make_unique<AddColumnNotNullNoDefault>(); }

}  // namespace pgguard::lint
