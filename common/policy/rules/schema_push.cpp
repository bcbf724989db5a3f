#include "policy/rules/rules.h"

namespace pgguard::rules {

std::unique_ptr<GuardRule> schema_push() {
  return std::make_unique<CliClassRule>(CliClassRule::Spec{
      "schema-push", "Schema sync that bypasses migration files: drizzle-kit push, prisma db push, typeorm schema:sync, db:push",
      sinks::CliClass::Push, false, " Schema push is never allowed: it changes the database without a migration file."});
}

}  // namespace pgguard::rules
