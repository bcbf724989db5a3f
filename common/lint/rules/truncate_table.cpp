#include "lint/rule.h"

namespace pgguard::lint {
namespace {

// TRUNCATE empties the table for good under ACCESS EXCLUSIVE; CASCADE also empties every table
// that references it, which the statement does not even name.
class TruncateTable : public LintRule {
 public:
  std::string_view id() const override { return "truncate-table"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "TruncateStmt") return;
    bool cascade = c.node().str("behavior") == "DROP_CASCADE";
    for (const Node& relation : c.node()["relations"].list()) {
      std::string table = relation_name(relation);
      if (table.empty() || c.is_new_table(table)) continue;
      out.push_back({"TRUNCATE " + table + " deletes every row (" + describe(lock_fact("truncate", c.settings.pg_version), table) + ")" +
                         (cascade ? "; CASCADE also empties every table with a foreign key to it." : "."),
                     "-- if the rows really must go, delete them in batches (repeat until 0 rows), never with CASCADE:\n"
                     "DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table + " LIMIT 10000);",
                     0, table});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_truncate_table() { return std::make_unique<TruncateTable>(); }

}  // namespace pgguard::lint
