#include "policy/rules/rules.h"

namespace pgguard::rules {

std::unique_ptr<GuardRule> sql_bounded_write() {
  return std::make_unique<SqlFactRule>(SqlFactRule::Spec{
      "sql-bounded-write",
      "INSERT, and UPDATE/DELETE with a real WHERE clause (off unless configured)",
      sql::FactKind::BoundedWrite,
      true,
      "it writes data.",
      "check that this is the intended database; wrap related writes in BEGIN ... COMMIT."});
}

}  // namespace pgguard::rules
