#include "policy/rules/rules.h"

namespace pgguard::rules {

std::unique_ptr<GuardRule> sql_side_effect_function() {
  return std::make_unique<SqlFactRule>(SqlFactRule::Spec{
      "sql-side-effect-function",
      "Functions with side effects (pg_terminate_backend, set_config, pg_read_file, ...), even inside a SELECT",
      sql::FactKind::SideEffect,
      false,
      "this function acts beyond returning rows (ends sessions, changes settings, reads server files or takes locks).",
      "run it only if the human asked for it; to inspect, query pg_stat_activity, pg_settings or pg_locks instead."});
}

}  // namespace pgguard::rules
