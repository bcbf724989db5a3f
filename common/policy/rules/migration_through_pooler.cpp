#include "policy/rules/rules.h"

#include "util/text.h"

namespace pgguard::rules {
namespace {

constexpr char kId[] = "migration-through-pooler";

constexpr char kWhy[] =
    "Behind transaction pooling, each transaction may run on a different server connection: the session advisory lock "
    "that migrators take so that only one of them runs (Prisma, drizzle-kit, Flyway, golang-migrate, Rails, ...) can be "
    "released on another connection or never, which leaves the next run hanging; a session SET such as lock_timeout "
    "lands on one connection and leaks to the pooler's other clients; and statements that must run outside a "
    "transaction, such as CREATE INDEX CONCURRENTLY, may run on a connection without the timeouts set before them.";

// The direct connection, said in the terms of the tool that runs the migrations.
std::string safe_way(const std::string& tool) {
  std::string direct = " Safe way forward: run migrations over a direct connection to PostgreSQL, not through the pooler: ";
  if (tool == "prisma")
    return direct + "`directUrl = env(\"DIRECT_URL\")` in the datasource of schema.prisma, with DIRECT_URL on the database's own "
                    "port 5432 (Prisma migrates over directUrl).";
  if (tool == "drizzle-kit")
    return direct + "the url in drizzle.config pointing at the database's own port 5432 (a DIRECT_URL, not the pooled DATABASE_URL).";
  return direct + "the connection URL of this command pointing at the database's own port 5432 (Supabase: the direct connection or "
                  "the session pooler on port 5432).";
}

// Asks before a migration run whose connection goes through a transaction-mode pooler.
class MigrationThroughPooler : public GuardRule {
 public:
  std::string_view id() const override { return kId; }
  std::string_view summary() const override {
    return "Migrations run through a transaction-mode pooler such as PgBouncer instead of a direct connection";
  }
  void check(const GuardFacts& facts, std::vector<Finding>& out) const override {
    for (const auto& check : facts.clis)
      if (check.call->judgement.cls == sinks::CliClass::Migrate && !check.target.pooler.empty())
        out.push_back({kId, "`" + shorten(check.call->command, 120) + "` runs migrations through a transaction-mode connection pooler (" +
                                check.target.pooler + "). " + kWhy + safe_way(check.call->tool)});
  }
};

}  // namespace

std::unique_ptr<GuardRule> migration_through_pooler() { return std::make_unique<MigrationThroughPooler>(); }

}  // namespace pgguard::rules
