#include "lint/rule.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

// The schema's kind for a known constraint; otherwise the name decides (fk_*, *_fkey).
bool is_foreign_key(const Schema& schema, const std::string& table, const std::string& name) {
  if (const Table* t = schema.table(table))
    for (const auto& constraint : t->constraints)
      if (constraint.name == name) return constraint.kind == 'f';
  std::string lower = to_lower(name);
  return starts_with(lower, "fk_") || ends_with(lower, "_fkey");
}

// Without the constraint nothing stops orphaned rows, and re-adding it later needs a full
// validation scan.
class DropForeignKey : public LintRule {
 public:
  std::string_view id() const override { return "drop-foreign-key"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      std::string name = cmd.str("name");
      if (cmd.str("subtype") != "AT_DropConstraint" || !is_foreign_key(c.schema, table, name)) continue;
      out.push_back({"Dropping foreign key " + name + " on " + table + " stops PostgreSQL from enforcing that relationship (" +
                         describe(lock_fact("drop-constraint", c.settings.pg_version), table) + ").",
                     "-- if integrity is enforced elsewhere now, say so:\n-- pgguard-ignore: drop-foreign-key <why>\n"
                     "ALTER TABLE " + table + " DROP CONSTRAINT " + name + ";\n"
                     "-- to change it instead, add the new one first (ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT)",
                     0, table});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_drop_foreign_key() { return std::make_unique<DropForeignKey>(); }

}  // namespace pgguard::lint
