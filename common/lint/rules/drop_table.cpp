#include "lint/rule.h"

namespace pgguard::lint {
namespace {

// Dropping a table that existed before the migration loses its data and breaks code still using
// it; a temp or staging table created in the same migration is fine.
class DropTable : public LintRule {
 public:
  std::string_view id() const override { return "drop-table"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "DropStmt" || c.node().str("removeType") != "OBJECT_TABLE") return;
    bool cascade = c.node().str("behavior") == "DROP_CASCADE";
    for (const Node& object : c.node()["objects"].list()) {
      std::vector<Node> parts = object.list();
      std::string table = parts.empty() ? object.sval() : parts.back().sval();
      if (table.empty() || c.is_new_table(table)) continue;
      out.push_back({"DROP TABLE " + table + " deletes the table and its data for good (" + describe(lock_fact("drop-table", c.settings.pg_version), table) + ")" +
                         (cascade ? "; CASCADE also drops the views and foreign keys that depend on it." : "."),
                     "-- confirm nothing reads or writes " + table + " any more and keep a backup (pg_dump -t " + table +
                         "), then state why it is safe:\n-- pgguard-ignore: drop-table <why>\nDROP TABLE " + table + ";",
                     0, table});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_drop_table() { return std::make_unique<DropTable>(); }

}  // namespace pgguard::lint
