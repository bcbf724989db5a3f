// Fail-safe proofs: hostile input never crashes the hooks, never makes them silent where a
// decision is owed, and stays within bounded memory. A hang would end in the watchdog's fallback
// answer, which these tests reject.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "util/files.h"
#include "util/subprocess.h"

using nlohmann::json;
using namespace pgguard;

namespace {

const std::map<std::string, std::string> kEnv = {{"PATH", "/usr/bin:/bin"}, {"HOME", "/nonexistent"}};
constexpr char kWatchdog[] = "stopped before it could check";

std::string bash(const std::string& command, const std::string& cwd = "/nonexistent") {
  return json{{"hook_event_name", "PreToolUse"}, {"tool_name", "Bash"}, {"cwd", cwd}, {"tool_input", {{"command", command}}}}.dump();
}

// Exit 0, one valid JSON answer that asks (never silence, never the watchdog), bounded memory.
void expect_ask(const std::string& input) {
  auto r = run_process(PGGUARD_PRE_HOOK, {}, input, kEnv, "", 60000);
  REQUIRE(r.exit_code == 0);
  REQUIRE_FALSE(r.out.empty());
  json out = json::parse(r.out);
  CHECK(out["hookSpecificOutput"]["permissionDecision"] == "ask");
  CHECK(r.out.find(kWatchdog) == std::string::npos);
  CHECK(r.max_rss_kb < 512 * 1024);
}

}  // namespace

TEST_CASE("fail-safe: hostile hook input always gets an ask", "[failsafe]") {
  std::string valid = bash("psql -c 'DROP TABLE t'");
  SECTION("truncated JSON") { expect_ask(valid.substr(0, valid.size() - 7)); }
  SECTION("wrong types") {
    expect_ask(R"({"tool_name": "Bash", "tool_input": {"command": ["psql", "-c", "DROP TABLE t"]}})");
    expect_ask(R"({"tool_name": 7, "tool_input": {"command": "psql"}})");
    expect_ask(R"({"tool_name": "Bash", "cwd": 3, "tool_input": {"command": "psql -c 'DROP TABLE t'"}})");
  }
  SECTION("a 50 MB payload") { expect_ask(bash("psql -c '" + std::string(50u << 20, 'x') + "'")); }
  SECTION("invalid UTF-8") { expect_ask("{\"tool_name\": \"Bash\", \"tool_input\": {\"command\": \"psql -c '\xc3\x28'\"}}"); }
  SECTION("NUL bytes") { expect_ask(std::string("{\"tool_name\": \"Bash\",\0 \"tool_input\": {}}", 37)); }
  SECTION("100k-deep nested JSON") { expect_ask(std::string(100000, '{') + std::string(100000, '}')); }
  SECTION("a 1 MB single shell word") { expect_ask(bash("psql -c " + std::string(1u << 20, 'A'))); }
}

TEST_CASE("fail-safe: 100k statements of SQL are decided within the budget", "[failsafe]") {
  std::string dir = make_temp_directory("pgguard-failsafe");
  {
    std::ofstream sql(dir + "/big.sql");
    for (int i = 0; i < 100000; ++i) sql << "DELETE FROM t" << (i % 10) << " WHERE id = " << i << ";\n";
    sql << "DROP TABLE users;\n";
  }
  auto r = run_process(PGGUARD_PRE_HOOK, {}, bash("psql -f big.sql", dir), kEnv, "", 60000);
  remove_tree(dir);
  REQUIRE(r.exit_code == 0);
  REQUIRE_FALSE(r.out.empty());  // over the file bound or the time budget: asked, or the DROP denied
  std::string decision = json::parse(r.out)["hookSpecificOutput"]["permissionDecision"];
  CHECK((decision == "ask" || decision == "deny"));
  CHECK(r.out.find(kWatchdog) == std::string::npos);
  CHECK(r.max_rss_kb < 512 * 1024);
}

TEST_CASE("fail-safe: the PostToolUse hook reports unreadable input clearly", "[failsafe]") {
  for (const std::string& input : {std::string("{\"tool_name\": \"Write\""), std::string("\xff\xfe"), std::string(100000, '[')}) {
    auto r = run_process(PGGUARD_POST_HOOK, {}, input, kEnv, "", 60000);
    REQUIRE(r.exit_code == 0);
    json out = json::parse(r.out);
    CHECK(std::string(out["hookSpecificOutput"]["additionalContext"]).find("could not check") != std::string::npos);
  }
}
