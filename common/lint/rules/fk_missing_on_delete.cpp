#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

// For each REFERENCES in the text, whether an ON DELETE follows before the next one. The parse
// tree cannot tell an explicit ON DELETE NO ACTION from none, so the text decides.
std::vector<bool> written_on_delete(const std::string& text) {
  std::vector<bool> out;
  if (to_lower(text).find("delete") == std::string::npos) return out;  // no DELETE token: the scan would find none
  std::vector<convention::Token> tokens = convention::scan_tokens(text);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == PG_QUERY__TOKEN__REFERENCES) out.push_back(false);
    if (!out.empty() && tokens[i].kind == PG_QUERY__TOKEN__ON && i + 1 < tokens.size() && tokens[i + 1].kind == PG_QUERY__TOKEN__DELETE_P)
      out.back() = true;
  }
  return out;
}

class FkMissingOnDelete : public LintRule {
 public:
  std::string_view id() const override { return "fk-missing-on-delete"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    std::vector<convention::ForeignKey> keys = convention::foreign_keys(c);
    if (keys.empty()) return;
    std::vector<bool> explicit_clause = written_on_delete(c.statement.text);
    if (explicit_clause.size() != keys.size()) explicit_clause.assign(keys.size(), false);
    std::string table = relation_name(c.node()["relation"]);
    std::string qualified = convention::quoted_qualified_name(c.node()["relation"]);
    for (size_t i = 0; i < keys.size(); ++i) {
      Node fk = keys[i].constraint;
      if (fk.str("fk_del_action") != "a" || explicit_clause[i]) continue;
      std::vector<std::string> columns = keys[i].columns();
      std::vector<std::string> referenced = column_names(fk["pk_attrs"]);
      std::string parent = convention::quoted_qualified_name(fk["pktable"]);
      std::string references = "REFERENCES " + parent + (referenced.empty() ? "" : " (" + convention::quote_idents(referenced) + ")") +
                               " ON DELETE RESTRICT";
      std::string name = fk.str("conname").empty() ? "" : "CONSTRAINT " + convention::quote_ident(fk.str("conname")) + " ";
      std::string fix;
      if (!keys[i].column.empty()) fix = convention::quote_ident(keys[i].column) + " ... " + name + references;
      else fix = name + "FOREIGN KEY (" + convention::quote_idents(columns) + ") " + references + (fk.flag("skip_validation") ? " NOT VALID" : "");
      if (c.type() == "AlterTableStmt" && keys[i].column.empty()) fix = "ALTER TABLE " + qualified + " ADD " + fix + ";";
      fix += "  -- or ON DELETE CASCADE / SET NULL, whichever the data needs";
      out.push_back({"Foreign key " + table + " (" + join(columns, ", ") + ") -> " + relation_name(fk["pktable"]) +
                         " has no ON DELETE clause, so it is NO ACTION by default: deleting a referenced row fails "
                         "while rows point at it, a choice nobody wrote down.",
                     fix, 0, convention::existing_relation(c, table)});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_fk_missing_on_delete() { return std::make_unique<FkMissingOnDelete>(); }

}  // namespace pgguard::lint
