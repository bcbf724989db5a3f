#include "policy/rules/rules.h"

namespace pgguard::rules {

std::unique_ptr<GuardRule> cli_destructive() {
  return std::make_unique<CliClassRule>(CliClassRule::Spec{
      "cli-destructive", "Database CLIs that drop or reset data: dropdb, pg_restore --clean, prisma migrate reset, flyway clean, ...",
      sinks::CliClass::Destructive, false, kConfirmHint});
}

}  // namespace pgguard::rules
