#include "policy/rules/rules.h"

namespace pgguard::rules {

std::unique_ptr<GuardRule> sql_schema_change() {
  return std::make_unique<SqlFactRule>(SqlFactRule::Spec{
      "sql-schema-change",
      "DDL and privilege changes sent through psql instead of a migration",
      sql::FactKind::SchemaChange,
      true,
      "it changes the schema outside the migration history.",
      "write the change as a migration file (with the project's migration tool) and apply it with the migration command, so every environment gets the same change."});
}

}  // namespace pgguard::rules
