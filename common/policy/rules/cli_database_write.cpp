#include "policy/rules/rules.h"

namespace pgguard::rules {

std::unique_ptr<GuardRule> cli_database_write() {
  return std::make_unique<CliClassRule>(CliClassRule::Spec{
      "cli-database-write", "Database CLIs that load or rewrite data: createdb, pg_restore, pg_dump | psql, seeds, ...",
      sinks::CliClass::Write, true, ""});
}

}  // namespace pgguard::rules
