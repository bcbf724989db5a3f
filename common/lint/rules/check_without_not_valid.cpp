#include <pg_query.h>

#include <optional>
#include <set>

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

// Where a node location falls in the statement text, checked by the keyword that must start there. Locations count
// from the start of the SQL the parser saw: the section, or after a syntax error elsewhere in the section the
// statement's split chunk (the linter parses those one by one), or for DO-block statements the inner query.
std::optional<size_t> text_position(const StatementContext& c, int64_t location, std::initializer_list<std::string_view> keywords) {
  const std::string& text = c.statement.text;
  auto at = [&](int64_t base) -> std::optional<size_t> {
    if (location < 0 || base < 0 || location < base) return std::nullopt;
    size_t pos = static_cast<size_t>(location - base);
    for (std::string_view keyword : keywords)
      if (pos + keyword.size() <= text.size() && to_lower(text.substr(pos, keyword.size())) == keyword) return pos;
    return std::nullopt;
  };
  if (c.statement.embedded) return at(0);
  int64_t token = static_cast<int64_t>(c.statement.offset - c.section.offset);
  if (auto pos = at(token)) return pos;
  std::optional<size_t> found;
  PgQuerySplitResult split = pg_query_split_with_scanner(c.section.sql.c_str());
  for (int i = 0; !split.error && i < split.n_stmts && !found; ++i) {
    int64_t start = split.stmts[i]->stmt_location, length = split.stmts[i]->stmt_len;
    if (token >= start && (length == 0 || token < start + length)) found = at(token - start);
  }
  pg_query_free_split_result(split);
  return found;
}

// The text inside the first parentheses at or after a node's location (CHECK (<this>)); empty when the location
// does not map onto the statement text.
std::string parenthesized_text(const StatementContext& c, const Node& node) {
  const std::string& text = c.statement.text;
  std::optional<size_t> keyword = text_position(c, node.integer("location", -1), {"constraint", "check"});
  if (!keyword) return "";
  size_t open = text.find('(', *keyword);
  if (open == std::string::npos) return "";
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == '\'' || ch == '"') {
      size_t close = text.find(ch, i + 1);
      if (close == std::string::npos) return "";
      i = close;
    } else if (ch == '(') {
      ++depth;
    } else if (ch == ')' && --depth == 0) {
      return trim(text.substr(open + 1, i - open - 1));
    }
  }
  return "";
}

// PostgreSQL names an unnamed check <table>_<column>_check when it uses one column, else <table>_check.
std::string default_check_name(const std::string& table, const Node& expression) {
  std::set<std::string> columns;
  expression.walk([&](const Node& node) {
    std::vector<Node> fields = node["ColumnRef"]["fields"].list();
    if (!fields.empty() && fields.back().has("String")) columns.insert(fields.back().sval());
  });
  std::string name = table + (columns.size() == 1 ? "_" + *columns.begin() : "") + "_check";
  return name.size() > 63 ? name.substr(0, 63) : name;
}

class CheckWithoutNotValid : public LintRule {
 public:
  std::string_view id() const override { return "check-without-not-valid"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;  // an empty new table has nothing to scan
    std::string t = qualified(c.node()["relation"]);
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      Node con = cmd["def"]["Constraint"];
      if (cmd.str("subtype") != "AT_AddConstraint" || con.str("contype") != "CONSTR_CHECK" || con.flag("skip_validation")) continue;
      std::string name = con.str("conname");
      if (name.empty()) name = default_check_name(table, con["raw_expr"]);
      std::string expression = parenthesized_text(c, con);
      if (expression.empty()) expression = "<expression>";
      out.push_back({"ADD CONSTRAINT " + name + " CHECK without NOT VALID takes " + a_lock(lock_fact("add-check"), table) + ".",
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
