#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

constexpr int64_t kLikeIndexes = 1 << 6;  // CREATE_TABLE_LIKE_INDEXES: LIKE copies the primary key

bool adds_primary_key(const Node& statement, const std::string& table) {
  if (statement.type() != "AlterTableStmt" || relation_name(statement.body()["relation"]) != table) return false;
  for (const Node& item : statement.body()["cmds"].list()) {
    Node cmd = item["AlterTableCmd"];
    if (cmd.str("subtype") == "AT_AddConstraint" && cmd["def"]["Constraint"].str("contype") == "CONSTR_PRIMARY") return true;
    for (const Node& constraint : cmd["def"]["ColumnDef"]["constraints"].list())
      if (constraint["Constraint"].str("contype") == "CONSTR_PRIMARY") return true;
  }
  return false;
}

class TableWithoutPrimaryKey : public LintRule {
 public:
  std::string_view id() const override { return "table-without-primary-key"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "CreateStmt" || convention::temp_or_partition(c.node())) return;
    Node n = c.node();
    for (const Node& element : n["tableElts"].list()) {
      if (element["Constraint"].str("contype") == "CONSTR_PRIMARY") return;
      if (element["TableLikeClause"].integer("options") & kLikeIndexes) return;
      for (const Node& item : element["ColumnDef"]["constraints"].list())
        if (item["Constraint"].str("contype") == "CONSTR_PRIMARY") return;
    }
    std::string table = relation_name(n["relation"]);
    // pg_dump style: the key is added by a later ALTER TABLE in the same migration.
    for (const Statement* later : convention::later_statements_on(c, table))
      if (adds_primary_key(later->node, table)) return;
    std::string generator = c.settings.pg_version >= 18 ? "uuidv7()" : "gen_random_uuid()";
    out.push_back({"Table " + table + " has no primary key: logical replication cannot replicate its UPDATEs and "
                   "DELETEs (no replica identity), and duplicate rows cannot be told apart.",
                   "id uuid PRIMARY KEY DEFAULT " + generator + "  -- in CREATE TABLE " + convention::quoted_qualified_name(n["relation"]) +
                       ", or PRIMARY KEY (<natural key columns>)",
                   0, ""});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_table_without_primary_key() { return std::make_unique<TableWithoutPrimaryKey>(); }

}  // namespace pgguard::lint
