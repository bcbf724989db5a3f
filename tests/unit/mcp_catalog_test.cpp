// The MCP catalog as data (config/mcp_tools.json) and the servers' own payloads run through the
// built hook executable, one per server and client.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sinks/mcp_call.h"
#include "support/corpus.h"
#include "util/subprocess.h"

using nlohmann::json;
using namespace pgguard;
using namespace pgguard::testing;
namespace fs = std::filesystem;

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The decision in any client's answer: Claude Code and Codex nest it, Copilot, Gemini CLI and
// Cursor name it permissionDecision, decision and permission.
std::string verdict_of(const std::string& out) {
  if (out.empty()) return "none";
  json answer = json::parse(out);
  if (answer.contains("hookSpecificOutput")) return answer["hookSpecificOutput"]["permissionDecision"];
  for (const char* key : {"permissionDecision", "decision", "permission"})
    if (answer.contains(key)) return answer[key];
  return "unreadable";
}

}  // namespace

TEST_CASE("MCP payloads: each server's payload, as each client sends it, gets its answer from the hook", "[mcp][e2e]") {
  size_t payloads = 0;
  for (const auto& entry : fs::directory_iterator(source_path("tests/fixtures/mcp-payloads"))) {
    // <client>-<server>-<tool>.<expected verdict>.json
    std::string name = entry.path().filename().string();
    std::string client = name.substr(0, name.find('-'));
    std::string expected = entry.path().stem().extension().string().substr(1);
    ProcessResult r = run_process(PGGUARD_PRE_HOOK, {"--client", client}, read_text(entry.path().string()), {{"PATH", "/usr/bin:/bin"}, {"HOME", "/nonexistent"}});
    INFO(name << "\n" << r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(verdict_of(r.out) == expected);
    if (expected != "none") CHECK(r.out.find("Safe way forward") != std::string::npos);
    ++payloads;
  }
  CHECK(payloads >= 20);
}

TEST_CASE("MCP catalog: every entry cites its source and has a corpus case", "[mcp]") {
  json catalog = json::parse(read_text(source_path("config/mcp_tools.json")));
  std::string corpus;
  for (const auto& file : corpus_files(source_path("tests/corpus/mcp"))) corpus += read_text(file);
  for (const auto& entry : catalog["tools"]) {
    INFO(entry.dump());
    CHECK_FALSE(entry.value("source", "").empty());
    std::vector<std::string> names = entry.value("names", std::vector<std::string>{});
    if (entry.contains("name_prefix")) names.push_back(entry["name_prefix"].get<std::string>());
    bool covered = std::any_of(names.begin(), names.end(), [&](const std::string& n) { return corpus.find("__" + n) != std::string::npos; });
    CHECK(covered);
  }
  CHECK_NOTHROW(sinks::builtin_mcp_catalog());
}

TEST_CASE("MCP catalog: malformed data is refused", "[mcp]") {
  std::string head = R"({"database_server_names": "pg", "sql_field_names": "sql", "search_tool_names": "search", "servers": [], "tools": [)";
  CHECK_THROWS(sinks::McpCatalog::load(head + R"({"names": ["x"], "class": "erase"}]})"));
  CHECK_THROWS(sinks::McpCatalog::load(head + R"({"names": ["x"], "class": "operation", "operation": {"rule": "no-such-rule"}}]})"));
  CHECK_THROWS(sinks::McpCatalog::load(head + R"({"class": "query", "sql": ["sql"]}]})"));
  CHECK_THROWS(sinks::McpCatalog::load(head + R"({"names": ["x"], "class": "query", "sql": "sql"}]})"));
  CHECK_THROWS(sinks::McpCatalog::load(R"({"tools": []})"));
  // A pattern is compiled when a call first needs it.
  sinks::McpCatalog bad = sinks::McpCatalog::load(R"({"database_server_names": "(", "sql_field_names": "sql", "search_tool_names": "search", "servers": [], "tools": []})");
  CHECK_THROWS(bad.looks_like_database("postgres"));
}

TEST_CASE("MCP calls: what each kind of tool runs", "[mcp]") {
  const sinks::McpCatalog& catalog = sinks::builtin_mcp_catalog();
  auto sinks_of = [&](const std::string& server, const std::string& tool, const json& input) {
    return sinks::find_mcp_sinks({"mcp__" + server + "__" + tool, server, tool, "", &input}, catalog);
  };
  SECTION("Neon's transaction runs its statements in order") {
    auto found = sinks_of("neon", "run_sql_transaction", {{"sqlStatements", {"SELECT 1", "DELETE FROM t"}}});
    REQUIRE(found.report.sql.size() == 1);
    CHECK(*found.report.sql[0].sql == "SELECT 1;\nDELETE FROM t;\n");
    CHECK(found.server_label == "Neon");
  }
  SECTION("an EXPLAIN without ANALYZE only plans each statement") {
    auto found = sinks_of("postgres-mcp", "analyze_query_indexes", {{"queries", {"SELECT 1", "DELETE FROM t"}}});
    REQUIRE(found.report.sql.size() == 1);
    CHECK(*found.report.sql[0].sql == "EXPLAIN SELECT 1;\nEXPLAIN DELETE FROM t;\n");
  }
  SECTION("a mutation tool's statement is built from its fields, values left as parameters") {
    auto found = sinks_of("pg", "pg_execute_mutation", {{"operation", "update"}, {"table", "users"}, {"data", {{"name", "x"}, {"plan", "pro"}}}, {"where", "id = 1"}});
    REQUIRE(found.report.sql.size() == 1);
    CHECK(*found.report.sql[0].sql == "UPDATE users SET name = $1, plan = $2 WHERE id = 1");
  }
  SECTION("DBHub's per-source tool names its source as a target") {
    auto found = sinks_of("dbhub", "execute_sql_reporting", {{"sql", "SELECT 1"}});
    REQUIRE(found.report.sql.size() == 1);
    const auto& targets = found.report.sql[0].target;
    CHECK(std::any_of(targets.begin(), targets.end(), [](const sinks::TargetSignal& s) { return s.value == "reporting"; }));
  }
  SECTION("a connection string is a connection, and its password is scanned") {
    json input = {{"sql", "SELECT 1"}, {"connectionString", "postgresql://app:pw@db.internal/app"}};
    auto found = sinks_of("pg", "pg_execute_sql", input);
    const auto& targets = found.report.sql.at(0).target;
    CHECK(std::any_of(targets.begin(), targets.end(), [](const sinks::TargetSignal& s) {
      return s.kind == sinks::TargetSignal::Kind::Connection && s.value == "postgresql://app:pw@db.internal/app";
    }));
    CHECK(std::find(found.report.sources.begin(), found.report.sources.end(), "postgresql://app:pw@db.internal/app") != found.report.sources.end());
  }
  SECTION("Prisma's migrate-dev names the project whose migrations it applies") {
    auto found = sinks_of("prisma", "migrate-dev", {{"name", "init"}, {"projectCWD", "/home/dev/app"}});
    CHECK(found.project_dir == "/home/dev/app");
    REQUIRE(found.report.clis.size() == 1);
    CHECK(found.report.clis[0].judgement.cls == sinks::CliClass::Migrate);
  }
  SECTION("a tool the catalog calls silent is no database call, whatever its input") {
    CHECK_FALSE(sinks_of("supabase", "search_docs", {{"query", "DROP TABLE users"}}).database);
    CHECK_FALSE(sinks_of("github", "create_issue", {{"body", "DROP TABLE users"}}).database);
  }
}
