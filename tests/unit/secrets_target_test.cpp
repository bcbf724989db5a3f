#include <catch2/catch.hpp>

#include "guard/guard.h"
#include "policy/config.h"
#include "util/secrets.h"
#include "support/temp_project.h"
#include "policy/target.h"
#include "util/text.h"

using namespace pgguard;
using sinks::TargetSignal;

TEST_CASE("hardcoded passwords are found and redacted", "[secrets]") {
  for (const char* text : {"psql postgres://app:s3cret@db/app", "PGPASSWORD=s3cret psql", "export PGPASSWORD='s3cret'",
                           "psql 'host=db password=s3cret dbname=app'", "flyway -password=s3cret migrate",
                           "jdbc:postgresql://db/app?user=a&password=s3cret"}) {
    INFO(text);
    CHECK_FALSE(find_secrets(text).empty());
    std::string redacted = redact(text);
    CHECK(redacted.find("s3cret") == std::string::npos);
    CHECK(redacted.find("***") != std::string::npos);
  }
}

TEST_CASE("passwords written into SQL are shown redacted, though they are no hardcoded connection secret", "[secrets]") {
  for (const char* text : {"ALTER ROLE app PASSWORD 's3cret-pw'", "CREATE USER app WITH ENCRYPTED PASSWORD 's3cret-pw' LOGIN",
                           "ALTER ROLE app PASSWORD E's3cret\\'-pw'", "ALTER ROLE app PASSWORD $$s3cret-pw$$",
                           "ALTER ROLE app PASSWORD $k$s3cret-pw$k$", "EXECUTE 'ALTER ROLE app PASSWORD ''s3cret-pw'''",
                           "psql -c 'ALTER ROLE app PASSWORD '\\''s3cret-pw'\\'''", "OPTIONS (user 'app', password 's3cret-pw')",
                           "UPDATE users SET password_hash = crypt('s3cret-pw', gen_salt('bf'))", "\\set admin_pw 's3cret-pw'",
                           "unterminated quoted string at or near \"'s3cret-pw\" in `ALTER ROLE app PASSWORD 's3cret-pw"}) {
    INFO(text);
    CHECK(find_secrets(text).empty());
    CHECK(redact(text).find("s3cret") == std::string::npos);
  }
  // A message about a statement: the statement's password is hidden in it too.
  CHECK(redact("syntax error at or near \"s3cret-pw\"", "ALTER ROLE app PASWORD 's3cret-pw'").find("s3cret") == std::string::npos);
  // Hidden as a whole word: a longer word holding it (postgresql) stays readable.
  CHECK(redact("ALTER ROLE postgres PASSWORD 'postgres' -- postgresql") == "ALTER ROLE *** PASSWORD '***' -- postgresql");
  CHECK(redact("SELECT password_hash IS NULL FROM users") == "SELECT password_hash IS NULL FROM users");
}

TEST_CASE("placeholders for unknown text are shown as unknown", "[secrets]") {
  CHECK(redact("TRUNCATE pgguard_unknown") == "TRUNCATE <unknown>");
  CHECK(redact("DROP TABLE pgguard_opaque, pgguard_unknown") == "DROP TABLE <unknown>, <unknown>");
}

TEST_CASE("references to secrets are not hardcoded", "[secrets]") {
  for (const char* text : {"PGPASSWORD=$(cat ~/.pgpass) psql", "PGPASSWORD=\"$DB_PASS\" psql", "psql postgres://app@db/app",
                           "psql postgres://app:${DB_PASSWORD}@db/app", "psql -W -h db"}) {
    INFO(text);
    CHECK(find_secrets(text).empty());
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
  CHECK(apply_project_config(strict, R"({"rules": {"sql-destructive": "off"}})").size() == 1);
  CHECK(strict.rules.at("sql-destructive").verdict == Verdict::Deny);
  CHECK(apply_project_config(strict, R"({"production": {"patterns": ["(unclosed"]}})").size() == 1);
  CHECK(apply_project_config(strict, R"({"unknown_key": 1})").size() == 1);
  CHECK_THROWS(apply_project_config(strict, R"([1, 2])"));
  CHECK_THROWS(apply_project_config(strict, R"({"rules": )"));
}

TEST_CASE("project config: one bad setting is reported alone and the rest applies", "[config]") {
  Policy policy = builtin_policy();
  auto problems = apply_project_config(policy, R"({"rules": {"sql-schema-change": "deny", "migration-run": "sometimes",
      "sql-destructive": "ask", "sql-opaque": {"verdict": 3}}, "backup": {"max_age_hours": 500, "directories": ["var/dumps"]},
      "production": {"patterns": ["(?i)acme", "(bad"], "environment_names": "ACCEPTANCE"}, "allow_read_only": "yes", "audit": {"enabled": false}})");
  std::string all = join(problems, "\n");
  INFO(all);
  CHECK(problems.size() == 7);
  CHECK(all.find("rule 'migration-run': unknown verdict 'sometimes'") != std::string::npos);
  CHECK(all.find("rule 'sql-destructive': a hard rule cannot be loosened from deny") != std::string::npos);
  CHECK(all.find("rule 'sql-opaque' has the wrong type") != std::string::npos);
  CHECK(all.find("backup.max_age_hours: must be a whole number from 1 to 168") != std::string::npos);
  CHECK(all.find("production.environment_names has the wrong type") != std::string::npos);
  CHECK(all.find("allow_read_only has the wrong type") != std::string::npos);
  CHECK(all.find("production pattern \"(bad\"") != std::string::npos);
  CHECK(policy.rules.at("sql-schema-change").verdict == Verdict::Deny);
  CHECK(policy.rules.at("migration-run").verdict == Verdict::Ask);
  CHECK(policy.rules.at("sql-destructive").verdict == Verdict::Deny);
  CHECK(policy.backup_directories == std::vector<std::string>{"var/dumps"});
  CHECK(policy.backup_max_age_hours == 24);
  CHECK_FALSE(policy.audit.enabled);
  CHECK(target::assess({{TargetSignal::Kind::Connection, "x", "acme.db"}}, policy).production);
}

TEST_CASE("project config: numbers out of range, fractional or huge are reported, never converted", "[config]") {
  // nlohmann's get<int>() on 1e50 is undefined behaviour; the fuzzer found it through max_age_hours.
  for (const char* hours : {"11111111111111111111111111111111111111111111111176", "1e50", "-1e50", "2.5", "0", "169", "-3",
                            "18446744073709551615", "\"12\""}) {
    Policy policy = builtin_policy();
    auto problems = apply_project_config(policy, std::string(R"({"backup": {"max_age_hours": )") + hours + "}}");
    INFO(hours);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].rfind("backup.max_age_hours", 0) == 0);
    CHECK(policy.backup_max_age_hours == 24);
  }
  for (const char* bytes : {"1e300", "-1", "1.5", "18446744073709551615"}) {
    Policy policy = builtin_policy();
    INFO(bytes);
    CHECK(apply_project_config(policy, std::string(R"({"audit": {"max_bytes": )") + bytes + "}}").size() == 1);
  }
  Policy policy = builtin_policy();
  CHECK(apply_project_config(policy, R"({"backup": {"max_age_hours": 168}, "audit": {"max_bytes": 0}})").empty());
  CHECK(policy.backup_max_age_hours == 168);
  CHECK(policy.audit.max_bytes == 0);
}

TEST_CASE("project config: allow is accepted and never blocks, prompts or approves", "[config]") {
  testing::TempProject p;
  p.write(".pgguard.json", R"({"rules": {"sql-schema-change": "allow", "sql-heavy-maintenance": "bogus"}})");
  Policy policy = load_policy(p.root, "");
  CHECK(policy.project_config == p.path(".pgguard.json"));
  CHECK(policy.rules.at("sql-schema-change").verdict == Verdict::Allow);
  REQUIRE(policy.notes.size() == 1);
  CHECK(policy.notes[0].find("rule 'sql-heavy-maintenance': unknown verdict 'bogus' (use deny, ask, allow or off); that setting is ignored") != std::string::npos);
  GuardRequest request;
  request.cwd = p.root;
  request.command = "psql -d app_dev -c 'ALTER TABLE users ADD COLUMN note text'";
  Decision allowed = check_command(request, policy);
  CHECK(allowed.verdict == Verdict::None);
  REQUIRE(allowed.findings.size() == 1);
  CHECK(allowed.findings[0].rule == "sql-schema-change");
  CHECK(allowed.findings[0].verdict == Verdict::Allow);
  request.command = "psql -d app_dev -c 'VACUUM FULL users'";
  Decision asked = check_command(request, policy);
  CHECK(asked.verdict == Verdict::Ask);
  CHECK(asked.reason.find("that setting is ignored") != std::string::npos);
}
