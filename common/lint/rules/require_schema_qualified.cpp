#include <set>

#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

constexpr const char* kSchema = "public";

// Temporary tables live in pg_temp: qualifying them is neither needed nor possible.
std::set<std::string> temp_tables(const StatementContext& c) {
  std::set<std::string> names;
  for (const Statement& s : c.migration.statements) {
    if (&s == &c.statement) break;
    if (s.type == "CreateStmt" && s.node.body()["relation"].str("relpersistence") == "t")
      names.insert(relation_name(s.node.body()["relation"]));
  }
  return names;
}

class RequireSchemaQualified : public LintRule {
 public:
  std::string_view id() const override { return "require-schema-qualified"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    static const std::set<std::string, std::less<>> kDdl = {"CreateStmt",    "AlterTableStmt", "IndexStmt",         "RenameStmt",
                                               "TruncateStmt",  "CreateTrigStmt", "CreateSeqStmt",     "AlterSeqStmt",
                                               "CreatePolicyStmt", "RefreshMatViewStmt", "ClusterStmt"};
    Node n = c.node();
    std::set<std::string> temp = temp_tables(c);
    std::vector<Node> unqualified;  // RangeVar bodies
    auto consider = [&](const Node& node) {
      Node rv = node.has("RangeVar") ? node["RangeVar"] : node;
      if (!rv.has("relname") || rv.has("schemaname") || rv.str("relpersistence") == "t" || temp.count(rv.str("relname"))) return;
      for (const Node& seen : unqualified)
        if (seen.integer("location", -1) == rv.integer("location", -1)) return;
      unqualified.push_back(rv);
    };
    if (kDdl.count(c.type())) {
      // No queries hang below these statements, so every relation in them is named by the DDL.
      n.walk([&](const Node& node) {
        if (node.has("relname")) consider(node);
      });
    } else if (c.type() == "ViewStmt") {
      consider(n["view"]);  // the view's query is not DDL
    } else if (c.type() == "CreateTableAsStmt") {
      consider(n["into"]["rel"]);
    } else if (c.type() == "DropStmt") {
      drop(c, temp, out);
      return;
    }
    if (unqualified.empty()) return;
    std::vector<std::string> names;
    for (const Node& rv : unqualified)
      if (std::find(names.begin(), names.end(), rv.str("relname")) == names.end()) names.push_back(rv.str("relname"));
    out.push_back({message(names), qualified_text(c, unqualified), 0, ""});
  }

 private:
  static std::string message(const std::vector<std::string>& names) {
    return "DDL names " + join(names, ", ") + " without a schema, so the object it acts on depends on the session's "
           "search_path, which differs between tools, roles and environments.";
  }

  // The statement with public. inserted before each unqualified name.
  static std::string qualified_text(const StatementContext& c, std::vector<Node> relations) {
    std::string text = c.statement.text;
    std::sort(relations.begin(), relations.end(),
              [](const Node& a, const Node& b) { return a.integer("location", -1) > b.integer("location", -1); });
    for (const Node& rv : relations) {
      auto at = c.statement.text_index(rv.integer("location", -1));
      std::string name = rv.str("relname");
      if (!at || (to_lower(text.substr(*at, name.size())) != to_lower(name) && text[*at] != '"'))
        return "-- write " + std::string(kSchema) + "." + rv.str("relname") + " (or the schema it belongs to)";
      text.insert(*at, std::string(kSchema) + ".");
    }
    return text + ";";
  }

  // DROP TABLE/INDEX/VIEW/SEQUENCE a, b: the names are plain lists without locations.
  static void drop(const StatementContext& c, const std::set<std::string>& temp, std::vector<RuleFinding>& out) {
    static const std::set<std::string> kKinds = {"OBJECT_TABLE", "OBJECT_INDEX", "OBJECT_VIEW", "OBJECT_MATVIEW",
                                                 "OBJECT_SEQUENCE", "OBJECT_FOREIGN_TABLE"};
    Node n = c.node();
    if (!kKinds.count(n.str("removeType"))) return;
    std::set<std::string> names;
    for (const Node& object : n["objects"].list()) {
      std::vector<Node> parts = object.list();
      if (parts.size() == 1 && !temp.count(parts[0].sval())) names.insert(parts[0].sval());
    }
    if (names.empty()) return;
    // Rewrite by tokens: an identifier equal to a dropped name and not already part of a.b.
    const std::string& text = c.statement.text;
    std::vector<convention::Token> tokens = convention::scan_tokens(text);
    std::string fixed;
    size_t copied = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      std::string word = text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
      if (word.size() > 1 && word.front() == '"') word = word.substr(1, word.size() - 2);
      else word = to_lower(word);
      bool dotted = (i > 0 && tokens[i - 1].kind == '.') || (i + 1 < tokens.size() && tokens[i + 1].kind == '.');
      if (!names.count(word) || dotted) continue;
      fixed += text.substr(copied, tokens[i].start - copied) + kSchema + ".";
      copied = tokens[i].start;
    }
    fixed += text.substr(copied);
    out.push_back({message(std::vector<std::string>(names.begin(), names.end())), fixed + ";", 0, ""});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_require_schema_qualified() { return std::make_unique<RequireSchemaQualified>(); }

}  // namespace pgguard::lint
