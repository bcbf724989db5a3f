#include "lint/rule.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

// The schema's kind for a known constraint; otherwise the name decides (*_pkey, pk_*).
bool is_primary_key(const Schema& schema, const std::string& table, const std::string& name) {
  if (const Table* t = schema.table(table))
    for (const auto& constraint : t->constraints)
      if (constraint.name == name) return constraint.kind == 'p';
  std::string lower = to_lower(name);
  return starts_with(lower, "pk_") || ends_with(lower, "_pkey");
}

// The key's columns when the schema knows them, for the replacement index.
std::string key_columns(const Schema& schema, const std::string& table, const std::string& name) {
  if (const Table* t = schema.table(table))
    for (const auto& constraint : t->constraints)
      if (constraint.name == name && !constraint.columns.empty()) return join(constraint.columns, ", ");
  return "<columns>";
}

// Upserts (ON CONFLICT on the key), ORMs and logical replication (the default replica identity)
// rely on the primary key; without one, UPDATE and DELETE fail on a published table.
class DropPrimaryKey : public LintRule {
 public:
  std::string_view id() const override { return "drop-primary-key"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;
    std::vector<Node> cmds = c.node()["cmds"].list();
    bool replaced = false;  // DROP CONSTRAINT ..., ADD PRIMARY KEY ... in the same statement keeps a key throughout
    for (const Node& item : cmds) {
      Node cmd = item["AlterTableCmd"];
      replaced = replaced || (cmd.str("subtype") == "AT_AddConstraint" && cmd["def"]["Constraint"].str("contype") == "CONSTR_PRIMARY");
    }
    if (replaced) return;
    for (const Node& item : cmds) {
      Node cmd = item["AlterTableCmd"];
      std::string name = cmd.str("name");
      if (cmd.str("subtype") != "AT_DropConstraint" || !is_primary_key(c.schema, table, name)) continue;
      out.push_back({"Dropping primary key " + name + " on " + table + " breaks upserts on it and the table's replication identity (" +
                         describe(lock_fact("drop-constraint", c.settings.pg_version), table) + ").",
                     "-- to change the key, build its unique index first, then swap in one statement:\n"
                     "CREATE UNIQUE INDEX CONCURRENTLY " + table + "_new_pkey ON " + table + " (" + key_columns(c.schema, table, name) + ");\n"
                     "ALTER TABLE " + table + " DROP CONSTRAINT " + name + ", ADD CONSTRAINT " + name + " PRIMARY KEY USING INDEX " +
                         table + "_new_pkey;",
                     0, table});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_drop_primary_key() { return std::make_unique<DropPrimaryKey>(); }

}  // namespace pgguard::lint
