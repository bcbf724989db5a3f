#include "policy/rules/rules.h"

namespace pgguard::rules {

std::unique_ptr<GuardRule> sql_parse_error() {
  return std::make_unique<SqlFactRule>(SqlFactRule::Spec{
      "sql-parse-error",
      "SQL that PostgreSQL rejects, naming MySQL syntax when seen",
      sql::FactKind::ParseError,
      false,
      "PostgreSQL will reject this SQL, so the command does not do what was intended.",
      "fix the syntax for PostgreSQL (identifiers in \"double quotes\", identity or uuid keys, no ENGINE=, ALTER COLUMN ... TYPE instead of MODIFY) and run it again."});
}

}  // namespace pgguard::rules
