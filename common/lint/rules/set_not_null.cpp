#include "lint/rule.h"

namespace pgguard::lint {
namespace {

class SetNotNull : public LintRule {
 public:
  std::string_view id() const override { return "set-not-null"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      if (cmd.str("subtype") != "AT_SetNotNull") continue;
      std::string column = cmd.str("name");
      const Column* known = c.schema.column(table, column);
      if (known && known->not_null) continue;                                          // already NOT NULL: nothing to check
      if (c.settings.pg_version >= 12 && proven_by_check(c, table, column)) continue;  // PG12+ skips the scan
      out.push_back({"SET NOT NULL on " + table + "." + column + " takes " + a_lock(lock_fact("set-not-null", c.settings.pg_version), table) +
                         " (no validated CHECK (" + column + " IS NOT NULL) lets PostgreSQL skip the scan).",
                     fix(c, table, column), 0, table});
    }
  }

 private:
  static bool proven_by_check(const StatementContext& c, const std::string& table, const std::string& column) {
    return c.state.validated_not_null.count(table + "." + column) || c.schema.has_validated_not_null_check(table, column);
  }

  static std::string fix(const StatementContext& c, const std::string& table, const std::string& column) {
    std::string t = qualified_name(c.node()["relation"]);
    std::string check = truncate_identifier(table + "_" + column + "_not_null");
    std::string steps = "ALTER TABLE " + t + " ADD CONSTRAINT " + check + " CHECK (" + column + " IS NOT NULL) NOT VALID;\n" +
                        "-- then, in a later transaction (the next migration):\n" + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + check +
                        ";\n";
    if (c.settings.pg_version < 12)
      return steps +
             "-- before PostgreSQL 12 SET NOT NULL always scans: keep the validated CHECK instead, or SET NOT NULL in a "
             "maintenance window";
    return steps + "ALTER TABLE " + t + " ALTER COLUMN " + column + " SET NOT NULL;  -- no scan: the validated CHECK proves it\n" +
           "ALTER TABLE " + t + " DROP CONSTRAINT " + check + ";";
  }
};

}  // namespace

std::unique_ptr<LintRule> make_set_not_null() { return std::make_unique<SetNotNull>(); }

}  // namespace pgguard::lint
