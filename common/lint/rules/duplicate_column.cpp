#include <set>

#include "lint/rule.h"

namespace pgguard::lint {
namespace {

// The first name that occurs twice in `names`, or "".
std::string first_duplicate(const std::vector<std::string>& names) {
  std::set<std::string> seen;
  for (const auto& name : names)
    if (!name.empty() && !seen.insert(name).second) return name;
  return "";
}

// Columns a SET list assigns; subscripted or field assignments (a[1] = .., c.f = ..) may repeat.
std::vector<std::string> assigned(const Node& target_list) {
  std::vector<std::string> names;
  for (const Node& item : target_list.list())
    if (!item["ResTarget"].has("indirection")) names.push_back(item["ResTarget"].str("name"));
  return names;
}

// PostgreSQL parses these statements and then rejects them when it runs them ("column specified
// more than once", "multiple assignments to same column"), so the migration fails half-way.
class DuplicateColumn : public LintRule {
 public:
  std::string_view id() const override { return "duplicate-column"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    Node n = c.node();
    std::string_view type = c.type();
    std::string table = relation_name(n["relation"]);
    std::vector<std::pair<std::string, std::string>> found;  // (column, where)
    auto add = [&](const std::vector<std::string>& names, const std::string& where) {
      std::string duplicate = first_duplicate(names);
      if (!duplicate.empty()) found.emplace_back(duplicate, where);
    };
    if (type == "CreateStmt") {
      std::vector<std::string> names;
      for (const Node& element : n["tableElts"].list()) names.push_back(element["ColumnDef"].str("colname"));
      add(names, "declared twice in CREATE TABLE " + table);
    } else if (type == "AlterTableStmt") {
      std::vector<std::string> names;
      for (const Node& item : n["cmds"].list())
        if (item["AlterTableCmd"].str("subtype") == "AT_AddColumn") names.push_back(item["AlterTableCmd"]["def"]["ColumnDef"].str("colname"));
      add(names, "added twice in ALTER TABLE " + table);
    } else if (type == "UpdateStmt") {
      add(assigned(n["targetList"]), "assigned twice in UPDATE " + table);
    } else if (type == "InsertStmt") {
      std::vector<std::string> names;
      for (const Node& item : n["cols"].list()) names.push_back(item["ResTarget"].str("name"));
      add(names, "listed twice in INSERT INTO " + table);
      add(assigned(n["onConflictClause"]["targetList"]), "assigned twice in ON CONFLICT DO UPDATE");
    } else if (type == "CopyStmt") {
      add(column_names(n["attlist"]), "listed twice in COPY " + table);
    } else if (type == "MergeStmt") {
      for (const Node& clause : n["mergeWhenClauses"].list()) {
        Node when = clause["MergeWhenClause"];
        std::vector<std::string> names;
        for (const Node& item : when["targetList"].list()) names.push_back(item["ResTarget"].str("name"));
        add(when.str("commandType") == "CMD_UPDATE" ? assigned(when["targetList"]) : names, "listed twice in MERGE INTO " + table);
      }
    }
    for (const auto& [column, where] : found)
      out.push_back({"Column " + column + " is " + where + "; PostgreSQL rejects the statement when it runs, failing the migration.",
                     "-- keep one " + column + " and delete the other", 0, ""});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_duplicate_column() { return std::make_unique<DuplicateColumn>(); }

}  // namespace pgguard::lint
