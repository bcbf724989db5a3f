#pragma once
#include <memory>

#include "policy/guard_rule.h"

namespace pgguard::rules {

std::unique_ptr<GuardRule> sql_destructive();
std::unique_ptr<GuardRule> sql_unbounded_write();
std::unique_ptr<GuardRule> sql_shell_escape();
std::unique_ptr<GuardRule> sql_side_effect_function();
std::unique_ptr<GuardRule> sql_schema_change();
std::unique_ptr<GuardRule> sql_heavy_maintenance();
std::unique_ptr<GuardRule> sql_bounded_write();
std::unique_ptr<GuardRule> sql_opaque();
std::unique_ptr<GuardRule> sql_parse_error();
std::unique_ptr<GuardRule> cli_destructive();
std::unique_ptr<GuardRule> cli_database_write();
std::unique_ptr<GuardRule> schema_push();
std::unique_ptr<GuardRule> migration_run();
std::unique_ptr<GuardRule> migration_through_pooler();
std::unique_ptr<GuardRule> pending_migration_errors();
std::unique_ptr<GuardRule> production_write();
std::unique_ptr<GuardRule> hardcoded_password();
std::unique_ptr<GuardRule> applied_migration_edit();
std::unique_ptr<GuardRule> opaque_shell();
std::unique_ptr<GuardRule> config_tamper();
std::unique_ptr<GuardRule> guard_error();

}  // namespace pgguard::rules
