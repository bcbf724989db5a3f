#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

constexpr size_t kMaxKeys = 3;

class WideIndex : public LintRule {
 public:
  std::string_view id() const override { return "wide-index"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "IndexStmt") return;
    Node n = c.node();
    std::vector<std::string> keys = column_names(n["indexParams"]);
    if (keys.size() <= kMaxKeys) return;
    std::string table = relation_name(n["relation"]);
    bool unique = n.flag("unique");
    // Every key column is written on each insert and update of it, and widens every entry.
    out.push_back({"Index " + (n.str("idxname").empty() ? std::string("on ") + table : n.str("idxname")) + " has " +
                       std::to_string(keys.size()) + " key columns (" + join(keys, ", ") +
                       "): every write maintains all of them and the index grows with each; queries rarely use more than the first few.",
                   fix(c, n, unique), 0, convention::existing_relation(c, table)});
  }

 private:
  // btree: keep the leading keys and carry the rest as INCLUDE columns (still index-only scans).
  static std::string fix(const StatementContext& c, const Node& n, bool unique) {
    std::string keep = "keep the three most selective leading columns";
    if (unique) return "-- " + keep + " only if uniqueness holds on them; INCLUDE columns do not count towards UNIQUE";
    std::vector<convention::Token> tokens = convention::scan_tokens(c.statement.text);
    size_t on = 0;
    while (on < tokens.size() && tokens[on].kind != PG_QUERY__TOKEN__ON) ++on;
    size_t open = on;
    while (open < tokens.size() && tokens[open].kind != '(') ++open;
    auto list = convention::paren_list(c.statement.text, tokens, open);
    if (n.str("accessMethod") != "btree" || n.has("indexIncludingParams") || !list || list->items.size() <= kMaxKeys)
      return "-- " + keep + " and drop the others";
    // INCLUDE takes plain column names only (no expressions, ordering or operator classes).
    std::vector<Node> params = n["indexParams"].list();
    for (size_t i = kMaxKeys; i < params.size(); ++i) {
      Node elem = params[i]["IndexElem"];
      if (!elem.has("name") || elem.has("opclass") || elem.has("collation") || elem.str("ordering") != "SORTBY_DEFAULT" ||
          elem.str("nulls_ordering") != "SORTBY_NULLS_DEFAULT")
        return "-- " + keep + " and drop the others";
    }
    std::vector<std::string> head(list->items.begin(), list->items.begin() + kMaxKeys);
    std::vector<std::string> rest(list->items.begin() + kMaxKeys, list->items.end());
    const std::string& text = c.statement.text;
    return text.substr(0, list->open) + "(" + join(head, ", ") + ") INCLUDE (" + join(rest, ", ") + ")" +
           text.substr(list->close + 1) + ";  -- or drop the columns no query filters on";
  }
};

}  // namespace

std::unique_ptr<LintRule> make_wide_index() { return std::make_unique<WideIndex>(); }

}  // namespace pgguard::lint
