#include "policy/rules/rules.h"

namespace pgguard::rules {

std::unique_ptr<GuardRule> migration_run() {
  return std::make_unique<CliClassRule>(CliClassRule::Spec{
      "migration-run", "Applying or reverting migrations against a non-production database (a human confirms)",
      sinks::CliClass::Migrate, true, " Check the pending migrations and the target database before approving."});
}

}  // namespace pgguard::rules
