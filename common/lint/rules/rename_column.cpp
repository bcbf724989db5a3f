#include "lint/rule.h"

namespace pgguard::lint {
namespace {

// During a deploy the old application version keeps running and still uses the old name, so its
// queries fail from the moment the rename commits.
class RenameColumn : public LintRule {
 public:
  std::string_view id() const override { return "rename-column"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "RenameStmt" || c.node().str("renameType") != "OBJECT_COLUMN") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;
    std::string from = c.node().str("subname"), to = c.node().str("newname");
    const Column* column = c.schema.column(table, from);
    std::string type = column ? describe_type(*column) : "<type of " + from + ">";
    out.push_back({"Renaming " + table + "." + from + " to " + to + " breaks the application version still running, which uses the old "
                   "name (" + describe(lock_fact("rename", c.settings.pg_version), table) + ").",
                   "-- expand/contract: add the new column, write both, backfill, switch reads, then drop the old one later\n"
                   "ALTER TABLE " + table + " ADD COLUMN " + to + " " + type + ";\n"
                   "-- or keep the database name and rename only in the ORM mapping",
                   0, table});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_rename_column() { return std::make_unique<RenameColumn>(); }

}  // namespace pgguard::lint
