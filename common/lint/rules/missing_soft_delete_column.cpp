#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

constexpr const char* kColumn = "deleted_at";

bool adds_column(const Node& statement, const std::string& table) {
  if (statement.type() != "AlterTableStmt" || relation_name(statement.body()["relation"]) != table) return false;
  std::vector<Node> cmds = statement.body()["cmds"].list();
  return std::any_of(cmds.begin(), cmds.end(), [](const Node& item) { return item["AlterTableCmd"]["def"]["ColumnDef"].str("colname") == kColumn; });
}

class MissingSoftDeleteColumn : public LintRule {
 public:
  std::string_view id() const override { return "missing-soft-delete-column"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "CreateStmt" || convention::temp_or_partition(c.node())) return;
    Node n = c.node();
    for (const Node& element : n["tableElts"].list()) {
      if (element["ColumnDef"].str("colname") == kColumn) return;
      // LIKE copies the source's columns.
      if (Node like = element["TableLikeClause"]; like && c.schema.column(relation_name(like["relation"]), kColumn)) return;
    }
    for (const Node& parent : n["inhRelations"].list())
      if (c.schema.column(relation_name(parent), kColumn)) return;
    std::string table = relation_name(n["relation"]);
    for (const Statement* later : convention::later_statements_on(c, table))
      if (adds_column(later->node, table)) return;
    out.push_back({"Table " + table + " has no deleted_at column, so rows can only be hard-deleted: history is lost "
                   "and referencing rows must be deleted or orphaned with them.",
                   "deleted_at timestamptz  -- in CREATE TABLE " + convention::quoted_qualified_name(n["relation"]) +
                       "; index live rows with CREATE INDEX idx_" + table + "_<column> ON " +
                       convention::quoted_qualified_name(n["relation"]) + " (<column>) WHERE deleted_at IS NULL;",
                   0, ""});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_missing_soft_delete_column() { return std::make_unique<MissingSoftDeleteColumn>(); }

}  // namespace pgguard::lint
