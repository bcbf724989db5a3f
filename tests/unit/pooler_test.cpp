// Transaction-mode poolers: how a connection shows one, and how a project says it has one.
#include <catch2/catch.hpp>

#include "guard/guard.h"
#include "lint/pooler.h"
#include "policy/config.h"
#include "support/temp_project.h"
#include "policy/pooler.h"

using namespace pgguard;
using sinks::TargetSignal;

TEST_CASE("pooler: a connection shows a transaction-mode pooler by port, parameter or host", "[pooler]") {
  const PoolerDetection& detection = builtin_policy().pooler_detection;
  CHECK(target::pooler_sign("postgres://app:secret@db.internal:6432/app", detection) == "port 6432");
  CHECK(target::pooler_sign("postgresql://postgres.abc:pw@aws-0-eu-central-1.pooler.supabase.com:6543/postgres", detection) == "port 6543");
  CHECK(target::pooler_sign("postgres://app@db.internal/app?sslmode=require&pgbouncer=true", detection) == "pgbouncer=true");
  CHECK(target::pooler_sign("postgres://app@ep-cool-lake-123-pooler.us-east-2.aws.neon.tech/neondb", detection) ==
        "host ep-cool-lake-123-pooler.us-east-2.aws.neon.tech");
  CHECK(target::pooler_sign("host=db.internal port=6432 dbname=app", detection) == "port 6432");
  CHECK(target::pooler_sign("jdbc:postgresql://db.internal:6432/app", detection) == "port 6432");
  CHECK(target::pooler_sign("postgres://a@h1:5432,h2:6432/app", detection).empty());  // the first host counts
  CHECK(target::pooler_sign("postgres://app@aws-0-eu-central-1.pooler.supabase.com:5432/postgres", detection).empty());  // session mode
  CHECK(target::pooler_sign("postgres://app@db.internal:5432/app", detection).empty());
  CHECK(target::pooler_sign("postgres://app:p%40ss:6432@db.internal/app", detection).empty());  // a password is not a port
  CHECK(target::pooler_sign("app_dev", detection).empty());
}

TEST_CASE("pooler: a direct-connection variable without a pooler wins over a pooled DATABASE_URL", "[pooler]") {
  const PoolerDetection& detection = builtin_policy().pooler_detection;
  std::vector<TargetSignal> pooled = {{TargetSignal::Kind::Connection, "DATABASE_URL (hook environment)", "postgres://a:s3cret@db:6432/app"}};
  std::string found = target::pooled_connection(pooled, detection);
  CHECK(found == "DATABASE_URL (hook environment): port 6432");
  CHECK(found.find("s3cret") == std::string::npos);
  auto with_direct = pooled;
  with_direct.push_back({TargetSignal::Kind::Connection, "DIRECT_URL (from /app/.env)", "postgres://a@db:5432/app"});
  CHECK(target::pooled_connection(with_direct, detection).empty());
  auto with_pooled_direct = pooled;
  with_pooled_direct.push_back({TargetSignal::Kind::Connection, "DIRECT_URL (from /app/.env)", "postgres://a@db:6432/app"});
  CHECK_FALSE(target::pooled_connection(with_pooled_direct, detection).empty());
}

TEST_CASE("pooler: the project says it runs behind one in .pgguard.json or CLAUDE.md", "[pooler]") {
  testing::TempProject p;
  p.write("db/migrations/.keep", "");
  CHECK(lint::transaction_pooler_evidence(p.path("db/migrations")).empty());
  p.write("CLAUDE.md", "# App\n\n<!-- pgguard:begin -->\n- `migration-through-pooler`: PgBouncer\n<!-- pgguard:end -->\n");
  CHECK(lint::transaction_pooler_evidence(p.path("db/migrations")).empty());  // pgguard's own block says nothing of the project
  p.write("CLAUDE.md", "# App\n\nProduction connects through PgBouncer (transaction pooling).\n");
  CHECK(lint::transaction_pooler_evidence(p.path("db/migrations")) == "CLAUDE.md: Production connects through PgBouncer (transaction pooling).");
  p.write(".pgguard.json", R"({"pooler": "none"})");
  CHECK(lint::transaction_pooler_evidence(p.path("db/migrations")).empty());
  p.write(".pgguard.json", R"({"pooler": "pgbouncer-transaction"})");
  CHECK(lint::transaction_pooler_evidence(p.path("db/migrations")) == ".pgguard.json: \"pooler\": \"pgbouncer-transaction\"");
  p.write(".pgguard.json", R"({"pooler": "sometimes"})");
  Policy policy = load_policy(p.root, "");
  REQUIRE(policy.notes.size() == 1);
  CHECK(policy.notes[0].find("pooler: use pgbouncer-transaction, transaction, session or none") != std::string::npos);
}

TEST_CASE("pooler: the guard's reason names the pooled connection and the direct one to use, without secrets", "[pooler]") {
  testing::TempProject p;
  GuardRequest request;
  request.cwd = p.root;
  request.env = {{"DATABASE_URL", "postgres://app:s3cret@db.internal:6432/app_dev"}};
  request.command = "npx prisma migrate deploy";
  Decision prisma = check_command(request, builtin_policy());
  CHECK(prisma.verdict == Verdict::Ask);
  CHECK(prisma.reason.find("[migration-through-pooler] `prisma migrate deploy` runs migrations through a transaction-mode connection "
                           "pooler (DATABASE_URL (hook environment): port 6432)") != std::string::npos);
  CHECK(prisma.reason.find("directUrl = env(\"DIRECT_URL\")") != std::string::npos);
  CHECK(prisma.reason.find("s3cret") == std::string::npos);
  request.command = "npx drizzle-kit migrate";
  CHECK(check_command(request, builtin_policy()).reason.find("the url in drizzle.config pointing at the database's own port 5432") !=
        std::string::npos);
}
