#include "lint/rule.h"

namespace pgguard::lint {
namespace {

class AlterColumnType : public LintRule {
 public:
  std::string_view id() const override { return "alter-column-type"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      if (cmd.str("subtype") != "AT_AlterColumnType") continue;
      std::string column = cmd.str("name");
      Node def = cmd["def"]["ColumnDef"];
      Column target = column_type(def["typeName"]);
      bool using_expression = def.has("raw_default");
      const Column* old = c.schema.column(table, column);
      // Binary-coercible changes (varchar(n) -> varchar(m >= n) or text, numeric precision up, ...) only touch the catalog.
      if (old && !using_expression && is_binary_coercible(*old, target)) continue;
      std::string from;
      if (!old)
        from = " (its current type is unknown: no earlier migration or schema snapshot defines " + table + "." + column + ")";
      else
        from = " (from " + describe_type(*old) + ")";
      std::string note;
      if (old && old->type == "timestamp" && target.type == "timestamptz" && !using_expression)
        note = " (catalog-only only when the server's TimeZone is UTC)";
      if (using_expression) note = " (USING forces a rewrite)";
      out.push_back({"ALTER COLUMN " + column + " TYPE " + describe_type(target) + from + " takes " +
                         a_lock(lock_fact("alter-column-type", c.settings.pg_version), table) + note + ".",
                     fix(c, column, describe_type(target), using_expression), 0, table});
    }
  }

 private:
  static std::string fix(const StatementContext& c, const std::string& column, const std::string& type, bool using_expression) {
    std::string t = qualified_name(c.node()["relation"]), next = column + "_new";
    std::string value = using_expression ? "<the USING expression>" : column + "::" + type;
    return "ALTER TABLE " + t + " ADD COLUMN " + next + " " + type + ";\n" + "-- a trigger keeping " + next + " = " + value +
           " on INSERT/UPDATE, then backfill in batches until 0 rows:\n" + "UPDATE " + t + " SET " + next + " = " + value +
           " WHERE ctid IN (SELECT ctid FROM " + t + " WHERE " + next + " IS NULL AND " + column + " IS NOT NULL LIMIT 10000);\n" +
           "-- switch the code to " + next + ", then swap in one short transaction and drop the old column later:\n" + "ALTER TABLE " + t +
           " RENAME COLUMN " + column + " TO " + column + "_old;\n" + "ALTER TABLE " + t + " RENAME COLUMN " + next + " TO " + column + ";";
  }
};

}  // namespace

std::unique_ptr<LintRule> make_alter_column_type() { return std::make_unique<AlterColumnType>(); }

}  // namespace pgguard::lint
