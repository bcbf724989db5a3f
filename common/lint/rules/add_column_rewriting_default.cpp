#include <cctype>
#include <optional>
#include <set>

#include "lint/rule.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

// The DEFAULT expression as written: from the DEFAULT keyword to the next column option, comma or end; empty when
// the location does not map onto the statement text.
std::string default_text(const StatementContext& c, const Node& constraint) {
  static const std::set<std::string> kStop = {"not",    "null",    "constraint", "check",    "references",
                                              "unique", "primary", "collate",    "generated"};
  const std::string& text = c.statement.text;
  std::optional<size_t> keyword = keyword_at(c.statement, constraint.integer("location", -1), {"default"});
  if (!keyword) return "";
  size_t start = *keyword + 7;
  int depth = 0;
  size_t i = start;
  while (i < text.size()) {
    char ch = text[i];
    if (ch == '\'' || ch == '"') {
      size_t close = text.find(ch, i + 1);
      i = close == std::string::npos ? text.size() : close + 1;
      continue;
    }
    if (ch == '(') ++depth;
    if (ch == ')' && depth-- == 0) break;
    if ((ch == ',' || ch == ';') && depth == 0) break;
    if (depth == 0 && std::isalpha(static_cast<unsigned char>(ch)) &&
        (i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_'))) {
      size_t end = i;
      while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
      if (kStop.count(to_lower(text.substr(i, end - i))) && !trim(text.substr(start, i - start)).empty()) break;
      i = end;
      continue;
    }
    ++i;
  }
  return trim(text.substr(start, i - start));
}

class AddColumnRewritingDefault : public LintRule {
 public:
  std::string_view id() const override { return "add-column-rewriting-default"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      if (cmd.str("subtype") != "AT_AddColumn") continue;
      Node def = cmd["def"]["ColumnDef"];
      Column type = column_type(def["typeName"]);
      if (type.type.find("serial") != std::string::npos) continue;  // add-column-generated-or-serial
      Node default_constraint;
      bool not_null = def.flag("is_not_null"), generated = false;
      for (const Node& item_constraint : def["constraints"].list()) {
        Node con = item_constraint["Constraint"];
        std::string contype = con.str("contype");
        if (contype == "CONSTR_DEFAULT" && !con["raw_expr"]["A_Const"].flag("isnull")) default_constraint = con;
        if (contype == "CONSTR_NOTNULL" || contype == "CONSTR_PRIMARY") not_null = true;
        if (contype == "CONSTR_IDENTITY" || contype == "CONSTR_GENERATED") generated = true;
      }
      if (generated || !default_constraint) continue;
      bool is_volatile = is_volatile_default(default_constraint["raw_expr"]);
      if (!is_volatile && c.settings.pg_version >= 11) continue;  // PG11+ stores a constant default in the catalog
      std::string column = def.str("colname");
      std::string expression = default_text(c, default_constraint);
      if (expression.empty()) expression = "<default>";
      std::string reason = is_volatile ? "the volatile DEFAULT " + expression + " (evaluated for every existing row)"
                                       : "a DEFAULT on PostgreSQL " + std::to_string(c.settings.pg_version) +
                                             " (before 11 every default is written into each row)";
      out.push_back({"ADD COLUMN " + column + " with " + reason + " takes " + a_lock(lock_fact("add-column-volatile-default", c.settings.pg_version), table) + ".",
                     fix(c, table, column, describe_type(type), expression, not_null), 0, table});
    }
  }

 private:
  static std::string fix(const StatementContext& c, const std::string& table, const std::string& column, const std::string& type,
                         const std::string& expression, bool not_null) {
    std::string t = qualified_name(c.node()["relation"]);
    std::string key = c.schema.row_key(table);
    std::string out = "ALTER TABLE " + t + " ADD COLUMN " + column + " " + type + ";\n" + "ALTER TABLE " + t + " ALTER COLUMN " + column +
                      " SET DEFAULT " + expression + ";\n" +
                      "-- backfill existing rows in batches, each its own transaction; repeat until it updates 0 rows:\n" + "UPDATE " + t +
                      " SET " + column + " = " + expression + " WHERE " + key + " IN (SELECT " + key + " FROM " + t + " WHERE " + column +
                      " IS NULL LIMIT 10000);";
    if (not_null)
      out += "\n-- then: ADD CONSTRAINT ... CHECK (" + column + " IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, ALTER COLUMN " + column +
             " SET NOT NULL";
    return out;
  }
};

}  // namespace

std::unique_ptr<LintRule> make_add_column_rewriting_default() { return std::make_unique<AddColumnRewritingDefault>(); }

}  // namespace pgguard::lint
