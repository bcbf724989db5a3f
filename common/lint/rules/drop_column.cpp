#include "lint/rule.h"

namespace pgguard::lint {
namespace {

// The data is gone for good, and the application version still running during the deploy
// selects or writes the column and fails.
class DropColumn : public LintRule {
 public:
  std::string_view id() const override { return "drop-column"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      if (cmd.str("subtype") != "AT_DropColumn") continue;
      std::string column = cmd.str("name");
      out.push_back({"DROP COLUMN " + table + "." + column + " deletes its data for good and breaks running code that still reads or "
                     "writes it; it takes an " + describe(lock_fact("drop-column", c.settings.pg_version), table) + ".",
                     "-- 1. deploy code that no longer reads or writes " + table + "." + column +
                         " (Rails: ignored_columns; other ORMs: remove it from the model)\n"
                         "-- 2. then drop it in a later migration, stating why it is safe:\n"
                         "-- pgguard-ignore: drop-column unused since <release>\n"
                         "ALTER TABLE " + table + " DROP COLUMN " + column + ";",
                     0, table});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_drop_column() { return std::make_unique<DropColumn>(); }

}  // namespace pgguard::lint
