#include "policy/rules/rules.h"

namespace pgguard {

const std::vector<std::unique_ptr<GuardRule>>& guard_rules() {
  static const auto all = [] {
    std::vector<std::unique_ptr<GuardRule>> rules;
    for (auto make : {rules::hardcoded_password, rules::applied_migration_edit, rules::production_write, rules::schema_push, rules::sql_destructive,
                      rules::sql_unbounded_write, rules::cli_destructive, rules::sql_shell_escape, rules::migration_run,
                      rules::migration_through_pooler, rules::pending_migration_errors, rules::cli_database_write,
                      rules::sql_schema_change, rules::sql_heavy_maintenance,
                      rules::sql_side_effect_function, rules::sql_bounded_write, rules::sql_opaque, rules::sql_parse_error,
                      rules::opaque_shell, rules::config_tamper, rules::guard_error})
      rules.push_back(make());
    return rules;
  }();
  return all;
}

}  // namespace pgguard
