#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

// The first CHECK (...) expression of the statement with VALUE replaced by `column`.
std::string check_expression(const std::string& text, const std::string& column) {
  std::vector<convention::Token> tokens = convention::scan_tokens(text);
  auto check = std::find_if(tokens.begin(), tokens.end(), [](const auto& t) { return t.kind == PG_QUERY__TOKEN__CHECK; });
  if (check == tokens.end() || check + 1 == tokens.end() || (check + 1)->kind != '(') return "<condition on " + column + ">";
  std::string out;
  size_t copied = (check + 1)->end;
  int depth = 0;
  for (auto t = check + 1; t != tokens.end(); ++t) {
    if (t->kind == '(') ++depth;
    if (t->kind == ')' && --depth == 0) return out + text.substr(copied, t->start - copied);
    if (t->kind == PG_QUERY__TOKEN__VALUE_P) {
      out += text.substr(copied, t->start - copied) + column;
      copied = t->end;
    }
  }
  return "<condition on " + column + ">";
}

class DomainWithCheck : public LintRule {
 public:
  std::string_view id() const override { return "domain-with-check"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    Node n = c.node();
    if (c.type() == "CreateDomainStmt") {
      bool has_check = false;
      for (const Node& item : n["constraints"].list()) has_check |= item["Constraint"].str("contype") == "CONSTR_CHECK";
      if (!has_check) return;
      std::string domain = n["domainname"].names();
      // A new domain has no columns yet: show the CHECK on a column instead.
      out.push_back({"CREATE DOMAIN " + domain + " with a CHECK: changing that rule later (ALTER DOMAIN ... ADD CONSTRAINT) "
                     "re-checks every column of the domain in every table at once, with no per-table NOT VALID path.",
                     "CREATE DOMAIN " + domain + " AS " + describe_type(column_type(n["typeName"])) +
                         ";  -- no CHECK; put it on each column: <column> " + domain + " CONSTRAINT chk_<table>_<column> CHECK (" +
                         check_expression(c.statement.text, "<column>") + ")",
                     0, ""});
      return;
    }
    if (c.type() != "AlterDomainStmt" || n.str("subtype") != "C") return;
    std::vector<Node> parts = n["typeName"].list();
    std::string domain = n["typeName"].names(), short_name = parts.empty() ? domain : parts.back().sval();
    std::vector<std::string> users, fixes;
    std::string relation;
    for (const auto& [name, table] : c.schema.tables())
      for (const auto& column : table.columns)
        if (column.type == short_name) {
          users.push_back(name + "." + column.name);
          std::string constraint = "chk_" + name + "_" + column.name;
          fixes.push_back("ALTER TABLE " + name + " ADD CONSTRAINT " + constraint + " CHECK (" +
                          check_expression(c.statement.text, column.name) + ") NOT VALID; ALTER TABLE " + name +
                          " VALIDATE CONSTRAINT " + constraint + ";");
          if (relation.empty()) relation = name;
        }
    if (fixes.empty())
      fixes.push_back("ALTER TABLE <table> ADD CONSTRAINT chk_<table>_<column> CHECK (" + check_expression(c.statement.text, "<column>") +
                      ") NOT VALID; ALTER TABLE <table> VALIDATE CONSTRAINT chk_<table>_<column>;");
    std::string where = users.empty() ? "every column of domain " + domain : join(users, ", ");
    bool not_valid = n["def"]["Constraint"].flag("skip_validation");
    out.push_back({"ALTER DOMAIN " + domain + " ADD CONSTRAINT " +
                       (not_valid ? "NOT VALID defers the work: its VALIDATE re-checks every row of " + where
                                  : "re-checks every row of " + where + " in one statement") +
                       ", with no per-table NOT VALID path.",
                   join(fixes, " "), 0, relation});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_domain_with_check() { return std::make_unique<DomainWithCheck>(); }

}  // namespace pgguard::lint
