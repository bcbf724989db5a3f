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

TEST_CASE("MCP filesystem writes: an edit of a committed migration is denied like Edit, a new migration is not", "[mcp][e2e]") {
  std::string pattern = (fs::temp_directory_path() / "pgguard-mcp-fs-XXXXXX").string();
  std::string root = mkdtemp(pattern.data());
  fs::create_directories(root + "/db/migrations");
  std::ofstream(root + "/db/migrations/001_init.sql") << "CREATE TABLE orders (id bigint PRIMARY KEY);\n";
  ProcessResult git = run_process("/bin/sh", {"-c", "git init -q && git add -A && git -c user.email=t@t -c user.name=t commit -qm init"}, "",
                                  {{"PATH", "/usr/bin:/bin"}, {"HOME", root}}, root);
  REQUIRE(git.exit_code == 0);
  auto edit = [&](const std::string& file) {
    json payload = {{"cwd", root}, {"hook_event_name", "PreToolUse"}, {"tool_name", "mcp__filesystem__edit_file"},
                    {"tool_input", {{"path", root + "/" + file}, {"edits", {{{"oldText", "bigint"}, {"newText", "uuid"}}}}}}};
    return run_process(PGGUARD_PRE_HOOK, {}, payload.dump(), {{"PATH", "/usr/bin:/bin"}, {"HOME", "/nonexistent"}}).out;
  };
  std::string denied = edit("db/migrations/001_init.sql");
  CHECK(verdict_of(denied) == "deny");
  CHECK(denied.find("[applied-migration-edit]") != std::string::npos);
  CHECK(verdict_of(edit("db/migrations/002_new.sql")) == "none");
  fs::remove_all(root);
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

// tests/fixtures/mcp-schemas/<server key>@<package>@<version>.json: the input fields (and their
// defaults) of every tool, as the published servers list them (tools/list over stdio, or the
// package's exported schemas). Older servers wrap the arguments in `params` ("params.sql").
TEST_CASE("MCP catalog: the field names and defaults are the published servers' own", "[mcp]") {
  const sinks::McpCatalog& catalog = sinks::builtin_mcp_catalog();
  size_t checked = 0;
  for (const auto& file : fs::directory_iterator(source_path("tests/fixtures/mcp-schemas"))) {
    std::string server = file.path().filename().string().substr(0, file.path().filename().string().find('@'));
    json schema = json::parse(read_text(file.path().string()));
    for (const auto& [tool, described] : schema["tools"].items()) {
      json input = json::object(), arguments = json::object();
      std::map<std::string, json> defaults;
      bool wrapped = false;
      for (const auto& field : described["fields"]) {
        std::string name = field.get<std::string>();
        if (name.rfind("params.", 0) == 0) name = name.substr(7), wrapped = true;
        arguments[name] = "x";
      }
      for (const auto& [name, value] : described["defaults"].items()) defaults[name.rfind("params.", 0) == 0 ? name.substr(7) : name] = value;
      input = wrapped ? json{{"params", arguments}} : arguments;
      INFO(file.path().filename().string() << " " << tool << " " << input.dump());
      const sinks::McpTool* entry = catalog.match(server, tool, input, "").tool;
      bool sql_like = std::any_of(arguments.items().begin(), arguments.items().end(), [&](const auto& f) { return catalog.sql_like_field(f.key()); });
      // A tool with a field named like SQL is never left to the unknown-tool guess.
      if (sql_like) CHECK(entry != nullptr);
      if (!entry) continue;
      ++checked;
      CHECK((&catalog.arguments(input) != &input) == wrapped);
      if (!entry->sql_fields.empty()) {
        bool found = std::any_of(entry->sql_fields.begin(), entry->sql_fields.end(), [&](std::string f) {
          if (f.size() > 2 && f.substr(f.size() - 2) == "[]") f.resize(f.size() - 2);
          return arguments.contains(f);
        });
        // A migration entry of an older server may take only an id (Neon 0.3.7's complete_database_migration).
        if (entry->kind != sinks::McpTool::Kind::Migration) CHECK(found);
      }
      for (const sinks::McpCondition* condition : {&entry->applies, &entry->analyze}) {
        if (condition->field.empty() || !arguments.contains(condition->field)) continue;
        if (defaults.count(condition->field)) CHECK((defaults[condition->field] == condition->value) == condition->absent);
      }
      for (const std::string* field : {&entry->path_field, &entry->content_field, &entry->edits_field, &entry->project_field})
        if (!field->empty()) CHECK(arguments.contains(*field));
    }
  }
  CHECK(checked >= 40);
}

TEST_CASE("MCP catalog: malformed data is refused", "[mcp]") {
  std::string head = R"({"database_server_names": "pg", "sql_field_names": "sql", "search_tool_names": "search", "servers": [], "tools": [)";
  // An entry is converted when a call first reaches it.
  auto reach = [](const std::string& text) { return sinks::McpCatalog::load(text).match("", "x", json::object(), ""); };
  CHECK_THROWS(reach(head + R"({"names": ["x"], "class": "erase"}]})"));
  CHECK_THROWS(reach(head + R"({"names": ["x"], "class": "operation", "operation": {"rule": "no-such-rule"}}]})"));
  CHECK_THROWS(reach(head + R"({"names": ["x"], "class": "query", "template": "DELETE FROM t"}]})"));
  CHECK_THROWS(reach(head + R"({"names": ["x"], "class": "operation"}]})"));
  CHECK_NOTHROW(reach(head + R"({"names": ["x"], "class": "query", "sql": ["sql"]}]})"));
  CHECK_THROWS(sinks::McpCatalog::load(head + R"({"class": "query", "sql": ["sql"]}]})"));
  CHECK_THROWS(sinks::McpCatalog::load(R"({"tools": []})"));
  CHECK_THROWS(sinks::McpCatalog::load(R"({"database_server_names": "pg", "sql_field_names": "sql", "search_tool_names": "search", "servers": [], "tools": {}})"));
  CHECK_THROWS(sinks::McpCatalog::load("{"));
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
  SECTION("a server scoped to one project by its address names that project (the input then has no project_id)") {
    json input = {{"query", "SELECT 1"}};
    for (const char* address : {"https://mcp.supabase.com/mcp?project_ref=abcdefghijklmnop&read_only=false",
                                "npx -y @supabase/mcp-server-supabase --project-ref=abcdefghijklmnop --access-token sbp_x",
                                "npx -y @supabase/mcp-server-supabase --project-ref abcdefghijklmnop"}) {
      auto found = sinks::find_mcp_sinks({"execute_sql", "", "execute_sql", address, &input}, catalog);
      const auto& targets = found.report.sql.at(0).target;
      CHECK(std::any_of(targets.begin(), targets.end(), [](const sinks::TargetSignal& s) { return s.value == "abcdefghijklmnop"; }));
      CHECK(found.server_label == "Supabase");
    }
  }
  SECTION("Prisma's migrate-dev names the project whose migrations it applies") {
    auto found = sinks_of("prisma", "migrate-dev", {{"name", "init"}, {"projectCWD", "/home/dev/app"}});
    CHECK(found.project_dir == "/home/dev/app");
    REQUIRE(found.report.clis.size() == 1);
    CHECK(found.report.clis[0].judgement.cls == sinks::CliClass::Migrate);
  }
  SECTION("a name far longer than any MCP tool's is looked up whole, not at each of its separators") {
    std::string name;
    for (int i = 0; i < 20000; ++i) name += "a_";
    CHECK(catalog.match("", name + "execute_sql", json::object(), "").tool == nullptr);
    CHECK(catalog.match("", "mcp_supabase_execute_sql", json::object(), "").tool != nullptr);
  }
  SECTION("a tool the catalog calls silent is no database call, whatever its input") {
    CHECK_FALSE(sinks_of("supabase", "search_docs", {{"query", "DROP TABLE users"}}).database);
    CHECK_FALSE(sinks_of("github", "create_issue", {{"body", "DROP TABLE users"}}).database);
  }
}
