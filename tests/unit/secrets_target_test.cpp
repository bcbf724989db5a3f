#include <catch2/catch.hpp>

#include "policy/config.h"
#include "sinks/secrets.h"
#include "target/assess.h"

using namespace pgguard;
using sinks::TargetSignal;

TEST_CASE("hardcoded passwords are found and redacted", "[secrets]") {
  for (const char* text : {"psql postgres://app:s3cret@db/app", "PGPASSWORD=s3cret psql", "export PGPASSWORD='s3cret'",
                           "psql 'host=db password=s3cret dbname=app'", "flyway -password=s3cret migrate",
                           "jdbc:postgresql://db/app?user=a&password=s3cret"}) {
    INFO(text);
    CHECK_FALSE(sinks::find_secrets(text).empty());
    std::string redacted = sinks::redact(text);
    CHECK(redacted.find("s3cret") == std::string::npos);
    CHECK(redacted.find("***") != std::string::npos);
  }
}

TEST_CASE("references to secrets are not hardcoded", "[secrets]") {
  for (const char* text : {"PGPASSWORD=$(cat ~/.pgpass) psql", "PGPASSWORD=\"$DB_PASS\" psql", "psql postgres://app@db/app",
                           "psql postgres://app:${DB_PASSWORD}@db/app", "psql -W -h db"}) {
    INFO(text);
    CHECK(sinks::find_secrets(text).empty());
  }
}

TEST_CASE("production is recognised by name parts, environment names and dotenv files", "[target]") {
  Policy policy = builtin_policy();
  auto production = [&](TargetSignal::Kind kind, const std::string& value) { return target::assess({{kind, "test", value}}, policy).production; };
  CHECK(production(TargetSignal::Kind::Connection, "postgres://app@prod-db.internal/app"));
  CHECK(production(TargetSignal::Kind::Connection, "app_production"));
  CHECK(production(TargetSignal::Kind::Connection, "db.prd.example.com"));
  CHECK_FALSE(production(TargetSignal::Kind::Connection, "product-db.internal"));
  CHECK_FALSE(production(TargetSignal::Kind::Connection, "postgres://prod:pw@localhost/app_dev"));  // userinfo never decides
  CHECK(production(TargetSignal::Kind::EnvironmentName, "Production"));
  CHECK_FALSE(production(TargetSignal::Kind::EnvironmentName, "staging"));
  CHECK(production(TargetSignal::Kind::DotenvFile, "config/.env.production"));
  CHECK_FALSE(production(TargetSignal::Kind::DotenvFile, ".env.development"));
}

TEST_CASE("evidence never shows a password", "[target]") {
  Policy policy = builtin_policy();
  auto a = target::assess({{TargetSignal::Kind::Connection, "DATABASE_URL", "postgres://app:s3cret@prod-db/app"}}, policy);
  CHECK(a.production);
  CHECK(a.evidence.find("s3cret") == std::string::npos);
}

TEST_CASE("project config: tightens, adds patterns, never loosens hard rules", "[config]") {
  Policy policy = builtin_policy();
  apply_project_config(policy, R"({"rules": {"sql-bounded-write": "ask"}, "production": {"patterns": ["(?i)acme-main"]}})");
  CHECK(policy.rules.at("sql-bounded-write").verdict == Verdict::Ask);
  CHECK(target::assess({{TargetSignal::Kind::Connection, "x", "acme-main.db"}}, policy).production);
  Policy strict = builtin_policy();
  CHECK_THROWS(apply_project_config(strict, R"({"rules": {"sql-destructive": "off"}})"));
  CHECK_THROWS(apply_project_config(strict, R"({"production": {"patterns": ["(unclosed"]}})"));
  CHECK_THROWS(apply_project_config(strict, R"({"unknown_key": 1})"));
}
