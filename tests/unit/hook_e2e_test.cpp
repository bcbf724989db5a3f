// Runs the built executables on hook payloads and checks stdout and the exit status.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/corpus.h"
#include "util/subprocess.h"

using nlohmann::json;
using namespace pgguard;
using namespace pgguard::testing;

namespace {

const std::map<std::string, std::string> kEnv = {{"PATH", "/usr/bin:/bin"}, {"HOME", "/nonexistent"}};

json bash_payload(const std::string& command, const std::string& cwd = "/tmp") {
  return {{"session_id", "8f14e45f-ceea-4e7a-9c1b-2d5f7a3c9b10"},
          {"transcript_path", "/tmp/t.jsonl"},
          {"cwd", cwd},
          {"permission_mode", "default"},
          {"hook_event_name", "PreToolUse"},
          {"tool_name", "Bash"},
          {"tool_input", {{"command", command}, {"description", "run it"}, {"timeout", 120000}}},
          {"tool_use_id", "toolu_01"}};
}

ProcessResult pre(const std::string& stdin_text, const std::map<std::string, std::string>& env = kEnv) {
  return run_process(PGGUARD_PRE_HOOK, {}, stdin_text, env);
}

// Valid hook output: one JSON object with the nested PreToolUse decision.
json decision_of(const ProcessResult& r) {
  REQUIRE(r.exit_code == 0);
  REQUIRE_FALSE(r.out.empty());
  json out = json::parse(r.out);
  REQUIRE(out["hookSpecificOutput"]["hookEventName"] == "PreToolUse");
  return out["hookSpecificOutput"];
}

}  // namespace

TEST_CASE("e2e: a DROP TABLE through psql is denied with the rule id and the safe way", "[e2e]") {
  auto d = decision_of(pre(bash_payload("psql \"$DATABASE_URL\" -c 'DROP TABLE IF EXISTS orders_archive CASCADE;'").dump()));
  CHECK(d["permissionDecision"] == "deny");
  std::string reason = d["permissionDecisionReason"];
  CHECK(reason.find("[sql-destructive]") != std::string::npos);
  CHECK(reason.find("Safe way forward") != std::string::npos);
}

TEST_CASE("e2e: commands with nothing database-related print nothing", "[e2e]") {
  for (const char* command : {"ls -la", "git status", "grep -r 'DROP TABLE' src", "psql -c 'select 1'"}) {
    auto r = pre(bash_payload(command).dump());
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
  }
}

TEST_CASE("e2e: other tools are left alone", "[e2e]") {
  json payload = bash_payload("x");
  payload["tool_name"] = "Read";
  payload["tool_input"] = {{"file_path", "/tmp/x"}};
  auto r = pre(payload.dump());
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
}

TEST_CASE("e2e: broken input is an ask that says what is wrong", "[e2e]") {
  std::string valid = bash_payload("psql -c 'DROP TABLE t'").dump();
  json wrong_type = bash_payload("x");
  wrong_type["tool_input"]["command"] = 42;
  json no_tool = bash_payload("x");
  no_tool.erase("tool_name");
  std::string deep(100000, '[');
  struct Case {
    std::string input;
    std::string says;
  };
  std::vector<Case> cases = {
      {"", "empty"},
      {valid.substr(0, valid.size() / 2), "not valid JSON"},
      {"{\"tool_name\": \"Bash\", \"tool_input\": {\"command\": \"psql \xff\xfe\"}}", "UTF-8"},
      {std::string("{\"tool_name\":\"Bash\"\0}", 21), "not valid JSON"},
      {"[1,2,3]", "not a JSON object"},
      {wrong_type.dump(), "tool_input.command"},
      {no_tool.dump(), "tool_name"},
      {deep, "deeper than 64"},
  };
  for (const auto& c : cases) {
    INFO(c.says);
    auto d = decision_of(pre(c.input));
    CHECK(d["permissionDecision"] == "ask");
    std::string reason = d["permissionDecisionReason"];
    CHECK(reason.find("[guard-error]") != std::string::npos);
    CHECK(reason.find(c.says) != std::string::npos);
  }
}

TEST_CASE("e2e: an oversized payload is read to EOF and asked about", "[e2e]") {
  std::string big = bash_payload(std::string(40u << 20, 'a')).dump();
  auto d = decision_of(pre(big));
  CHECK(d["permissionDecision"] == "ask");
  CHECK(std::string(d["permissionDecisionReason"]).find("over the") != std::string::npos);
}

TEST_CASE("e2e: a trailing --confirm with a fresh backup asks and drops the flag, keeping every field", "[e2e]") {
  FixtureCopy fixtures;
  std::string cwd = fixtures.path_for("cli-backup-app");
  auto d = decision_of(pre(bash_payload("psql -c 'TRUNCATE sessions' --confirm", cwd).dump()));
  CHECK(d["permissionDecision"] == "ask");
  CHECK(d["updatedInput"]["command"] == "psql -c 'TRUNCATE sessions'");
  CHECK(d["updatedInput"]["description"] == "run it");
  CHECK(d["updatedInput"]["timeout"] == 120000);
  CHECK(std::string(d["permissionDecisionReason"]).find("backup found") != std::string::npos);
}

TEST_CASE("e2e: production comes from the hook's own environment", "[e2e]") {
  auto env = kEnv;
  env["DATABASE_URL"] = "postgres://app:hunter2@prod-db.internal:5432/app";
  auto r = pre(bash_payload("psql \"$DATABASE_URL\" -c \"UPDATE users SET plan = 'pro' WHERE id = 7\"").dump(), env);
  auto d = decision_of(r);
  CHECK(d["permissionDecision"] == "deny");
  CHECK(std::string(d["permissionDecisionReason"]).find("[production-write]") != std::string::npos);
  CHECK(r.out.find("hunter2") == std::string::npos);
}

TEST_CASE("e2e: passwords never appear in the output", "[e2e]") {
  auto r = pre(bash_payload("psql postgres://admin:Sup3rS3cret@localhost/app -c 'DROP TABLE t'").dump());
  auto d = decision_of(r);
  CHECK(d["permissionDecision"] == "deny");
  CHECK(r.out.find("Sup3rS3cret") == std::string::npos);
  CHECK(std::string(d["permissionDecisionReason"]).find("[hardcoded-password]") != std::string::npos);
}

TEST_CASE("e2e: the PostToolUse hook reads its input and stays silent", "[e2e]") {
  json payload = {{"hook_event_name", "PostToolUse"}, {"tool_name", "Write"}, {"cwd", "/tmp"},
                  {"tool_input", {{"file_path", "/tmp/x.sql"}, {"content", "DROP TABLE t;"}}},
                  {"tool_response", {{"type", "create"}, {"filePath", "/tmp/x.sql"}}}};
  auto r = run_process(PGGUARD_POST_HOOK, {}, payload.dump(), kEnv);
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  auto broken = run_process(PGGUARD_POST_HOOK, {}, "{not json", kEnv);
  CHECK(broken.exit_code == 0);
  CHECK(json::parse(broken.out)["hookSpecificOutput"]["hookEventName"] == "PostToolUse");
}

TEST_CASE("e2e: the CLI checks commands and documents itself", "[e2e][cli]") {
  auto help = run_process(PGGUARD_CLI, {"--help"}, "", kEnv);
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("check-command") != std::string::npos);
  auto version = run_process(PGGUARD_CLI, {"--version"}, "", kEnv);
  CHECK(version.out.rfind("pgguard ", 0) == 0);
  auto check = run_process(PGGUARD_CLI, {"check-command", "npx drizzle-kit push"}, "", kEnv);
  CHECK(check.exit_code == 1);
  CHECK(check.out.rfind("deny schema-push\n", 0) == 0);
  auto none = run_process(PGGUARD_CLI, {"check-command", "--json", "ls"}, "", kEnv);
  CHECK(json::parse(none.out)["decision"] == "none");
  auto usage = run_process(PGGUARD_CLI, {"frobnicate"}, "", kEnv);
  CHECK(usage.exit_code == 2);
  auto rules = run_process(PGGUARD_CLI, {"rules"}, "", kEnv);
  CHECK(rules.out.find("sql-destructive") != std::string::npos);
}
