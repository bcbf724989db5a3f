#include "policy/rules/rules.h"

namespace pgguard::rules {

std::unique_ptr<GuardRule> sql_unbounded_write() {
  return std::make_unique<SqlFactRule>(SqlFactRule::Spec{
      "sql-unbounded-write",
      "DELETE or UPDATE without a WHERE clause, or with one that is always true",
      sql::FactKind::UnboundedWrite,
      false,
      "it changes every row of the table in one transaction, holding a lock on each.",
      "add a WHERE clause that selects exactly the rows meant (WHERE id IN (...)), and change large sets in batches (DELETE FROM t WHERE id IN (SELECT id FROM t WHERE ... LIMIT 1000), repeated until no rows are left)." + std::string(kConfirmHint)});
}

}  // namespace pgguard::rules
