#include "lint/rules/convention_support.h"
#include "lint/rules/generated_index_names.h"

namespace pgguard::lint {
namespace {

// For each key of the index, the names that may stand for it: the column, or for an expression
// any column it uses (lower(email) -> email).
std::vector<std::vector<std::string>> key_names(const Node& index) {
  std::vector<std::vector<std::string>> keys;
  for (const Node& item : index["indexParams"].list()) {
    Node elem = item["IndexElem"];
    std::vector<std::string> names;
    if (elem.has("name")) {
      names.push_back(elem.str("name"));
    } else {
      elem["expr"].walk([&](const Node& node) {
        std::vector<Node> fields = node["ColumnRef"]["fields"].list();
        if (!fields.empty() && fields.back().has("String")) names.push_back(fields.back().sval());
      });
    }
    if (names.empty()) names.push_back("expr");
    keys.push_back(names);
  }
  return keys;
}

// The name PostgreSQL's FigureIndexColname() (src/backend/parser/parse_target.c) gives an index
// expression: the function's name for a call, the column's for a column, the type's for a cast of
// anything else, otherwise "expr".
std::string postgres_key_name(const Node& expression) {
  if (Node call = expression["FuncCall"]) return call["funcname"].list().empty() ? "expr" : call["funcname"].list().back().sval();
  if (Node column = expression["ColumnRef"]) {
    std::vector<Node> fields = column["fields"].list();
    if (!fields.empty() && fields.back().has("String")) return fields.back().sval();
  }
  if (Node cast = expression["TypeCast"]) {
    std::string inner = postgres_key_name(cast["arg"]);
    std::vector<Node> type = cast["typeName"]["names"].list();
    return inner != "expr" || type.empty() ? inner : type.back().sval();
  }
  if (expression.has("CoalesceExpr")) return "coalesce";
  if (expression.has("CaseExpr")) return "case";
  if (Node minmax = expression["MinMaxExpr"]) return minmax.str("op") == "IS_GREATEST" ? "greatest" : "least";
  return "expr";
}

generated_names::IndexShape index_shape(const Node& index) {
  generated_names::IndexShape shape;
  shape.table = relation_name(index["relation"]);
  shape.schema = index["relation"].str("schemaname");
  shape.unique = index.flag("unique");
  for (const pg::Key& list : {pg::Key("indexParams"), pg::Key("indexIncludingParams")}) {
    for (const Node& item : index[list].list()) {
      Node elem = item["IndexElem"];
      std::string name = elem.has("indexcolname") ? elem.str("indexcolname") : elem.has("name") ? elem.str("name") : postgres_key_name(elem["expr"]);
      shape.postgres_keys.push_back(name);
      if (list.name == "indexIncludingParams") continue;
      std::vector<std::string> used = referenced_columns(elem["expr"]);
      shape.columns.push_back(elem.has("name") ? elem.str("name") : used.empty() ? name : used.front());
    }
  }
  return shape;
}

// prefix_{key1}_{key2}..., then "" or "_suffix" when a suffix is allowed.
bool matches(const std::string& name, const std::vector<std::vector<std::string>>& keys, size_t key, size_t at, bool allow_suffix) {
  if (key == keys.size()) return at == name.size() || (allow_suffix && name.size() > at + 1 && name[at] == '_');
  return std::any_of(keys[key].begin(), keys[key].end(), [&](const std::string& option) {
    std::string part = "_" + option;
    return name.compare(at, part.size(), part) == 0 && matches(name, keys, key + 1, at + part.size(), allow_suffix);
  });
}

class IndexNaming : public LintRule {
 public:
  std::string_view id() const override { return "index-naming"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "IndexStmt") return;
    Node n = c.node();
    std::string table = relation_name(n["relation"]);
    std::string name = n.str("idxname");
    generated_names::IndexShape shape = index_shape(n);
    bool gin = n.str("accessMethod") == "gin";
    // Unquoted names fold to lower case, so compare that way.
    std::string prefix = to_lower((gin ? "gin_" : "idx_") + table);
    auto keys = key_names(n);
    for (auto& options : keys)
      for (auto& option : options) option = to_lower(option);
    std::string expected = prefix;
    for (const auto& options : keys) expected += "_" + options.front();
    std::string pattern = gin ? "gin_{table}_{column}" : "idx_{table}_{columns}[_{suffix}]";
    std::string chosen = generated_names::postgres_index_name(shape);
    if (name.empty()) {
      // PostgreSQL's own name is as predictable as the convention's, unless it is taken: then
      // the number it appends depends on what each database already holds.
      if (c.schema.index(chosen) || c.state.created_indexes.count(chosen))
        out.push_back({"CREATE INDEX without a name: PostgreSQL would call it " + chosen + ", but an index of that name exists, so it "
                       "appends a number (" + chosen + "1, ...) that depends on what each database already holds; name it (" + pattern +
                       "): " + expected + ".",
                       renamed(c.statement.text, name, expected), 0, ""});
      return;
    }
    std::string folded = to_lower(name);
    if (starts_with(folded, prefix) && matches(folded, keys, 0, prefix.size(), !gin)) return;
    if (generated_names::is_generated(name, shape)) return;
    // Ad-hoc names, and names that describe other columns or another order, make later DROP/REINDEX guesswork.
    out.push_back({"Index name " + name + " follows neither the convention (" + pattern + ") nor a name PostgreSQL or a migration tool " +
                       "generates for this index (such as " + chosen + "): expected " + expected + (gin ? "" : "[_<suffix>]") + ".",
                   renamed(c.statement.text, name, expected), 0, ""});
  }

 private:
  // The statement with the name replaced (or inserted before ON).
  static std::string renamed(const std::string& text, const std::string& name, const std::string& expected) {
    std::vector<convention::Token> tokens = convention::scan_tokens(text);
    for (size_t i = 1; i < tokens.size(); ++i) {
      if (tokens[i].kind != PG_QUERY__TOKEN__ON) continue;
      if (name.empty()) return text.substr(0, tokens[i].start) + expected + " " + text.substr(tokens[i].start) + ";";
      const auto& old = tokens[i - 1];
      return text.substr(0, old.start) + expected + text.substr(old.end) + ";";
    }
    return name.empty() ? "CREATE INDEX " + expected + " ON ...;" : "ALTER INDEX " + name + " RENAME TO " + expected + ";";
  }
};

}  // namespace

std::unique_ptr<LintRule> make_index_naming() { return std::make_unique<IndexNaming>(); }

}  // namespace pgguard::lint
