#include "policy/rules/rules.h"

namespace pgguard::rules {

std::unique_ptr<GuardRule> sql_heavy_maintenance() {
  return std::make_unique<SqlFactRule>(SqlFactRule::Spec{
      "sql-heavy-maintenance",
      "VACUUM FULL, CLUSTER, REINDEX, REFRESH MATERIALIZED VIEW and LOCK TABLE",
      sql::FactKind::Maintenance,
      true,
      "it takes strong locks or rewrites the table, blocking the application while it runs.",
      "prefer the online forms (REINDEX CONCURRENTLY, REFRESH MATERIALIZED VIEW CONCURRENTLY, pg_repack instead of VACUUM FULL or CLUSTER) and run them in a window the human approves."});
}

}  // namespace pgguard::rules
