#include "policy/rules/rules.h"

namespace pgguard::rules {

std::unique_ptr<GuardRule> sql_destructive() {
  return std::make_unique<SqlFactRule>(SqlFactRule::Spec{
      "sql-destructive",
      "DROP TABLE/SCHEMA/DATABASE/OWNED/COLUMN, DROP ... CASCADE and TRUNCATE",
      sql::FactKind::Destructive,
      false,
      "it permanently removes data and cannot be undone without a backup.",
      "do not run it unless the human asked for it; to retire a table or column, stop using it in code first and remove it later in a reviewed migration." + std::string(kConfirmHint)});
}

}  // namespace pgguard::rules
