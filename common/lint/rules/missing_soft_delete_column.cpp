#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

// The names soft-delete columns go by in Rails (discard's discarded_at, paranoia's deleted_at), Django,
// Prisma and TypeORM (@DeleteDateColumn deletedAt), Sequelize (paranoid: deletedAt) and hand-made
// schemas (is_deleted, deleted, archived_at). Compared case-insensitively, so unquoted deletedAt
// (folded to deletedat) and quoted "deletedAt" both count.
bool is_soft_delete_column(const std::string& name) {
  static const char* const kNames[] = {"deleted_at", "deletedat",   "is_deleted",   "isdeleted",  "deleted",
                                       "archived_at", "archivedat", "discarded_at", "discardedat"};
  std::string folded = to_lower(name);
  return std::any_of(std::begin(kNames), std::end(kNames), [&](const char* known) { return folded == known; });
}

bool has_soft_delete_column(const Schema& schema, const std::string& table) {
  const Table* t = schema.table(table);
  return t && std::any_of(t->columns.begin(), t->columns.end(), [](const Column& c) { return is_soft_delete_column(c.name); });
}

bool adds_column(const Node& statement, const std::string& table) {
  if (statement.type() != "AlterTableStmt" || relation_name(statement.body()["relation"]) != table) return false;
  std::vector<Node> cmds = statement.body()["cmds"].list();
  return std::any_of(cmds.begin(), cmds.end(),
                     [](const Node& item) { return is_soft_delete_column(item["AlterTableCmd"]["def"]["ColumnDef"].str("colname")); });
}

class MissingSoftDeleteColumn : public LintRule {
 public:
  std::string_view id() const override { return "missing-soft-delete-column"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "CreateStmt" || convention::temp_or_partition(c.node())) return;
    Node n = c.node();
    for (const Node& element : n["tableElts"].list()) {
      if (is_soft_delete_column(element["ColumnDef"].str("colname"))) return;
      // LIKE copies the source's columns.
      if (Node like = element["TableLikeClause"]; like && has_soft_delete_column(c.schema, relation_name(like["relation"]))) return;
    }
    for (const Node& parent : n["inhRelations"].list())
      if (has_soft_delete_column(c.schema, relation_name(parent))) return;
    std::string table = relation_name(n["relation"]);
    for (const Statement* later : convention::later_statements_on(c, table))
      if (adds_column(later->node, table)) return;
    out.push_back({"Table " + table + " has no soft-delete column (deleted_at, deletedAt, is_deleted, archived_at, discarded_at, ...), so rows can only be hard-deleted: history is lost "
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
