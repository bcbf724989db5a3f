#include "lint/rules/convention_support.h"

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
    bool gin = n.str("accessMethod") == "gin";
    // Unquoted names fold to lower case, so compare that way.
    std::string prefix = to_lower((gin ? "gin_" : "idx_") + table);
    auto keys = key_names(n);
    for (auto& options : keys)
      for (auto& option : options) option = to_lower(option);
    std::string folded = to_lower(name);
    if (!name.empty() && starts_with(folded, prefix) && matches(folded, keys, 0, prefix.size(), !gin)) return;
    std::string expected = prefix;
    for (const auto& options : keys) expected += "_" + options.front();
    std::string pattern = gin ? "gin_{table}_{column}" : "idx_{table}_{columns}[_{suffix}]";
    // Generated names (orders_status_idx) and ad-hoc ones make later DROP/REINDEX guesswork.
    out.push_back({(name.empty() ? "CREATE INDEX without a name gets a generated one"
                                 : "Index name " + name + " does not follow the convention") +
                       std::string(" (") + pattern + "): expected " + expected + (gin ? "" : "[_<suffix>]") + ".",
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
