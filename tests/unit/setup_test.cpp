// pgguard init / uninstall / doctor, explain output, and the audit log under concurrency.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "guard/explain.h"
#include "hook_io/audit_log.h"
#include "setup/setup.h"
#include "support/temp_project.h"
#include "util/files.h"
#include "util/subprocess.h"
#include "util/text.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace pgguard;

namespace {

using testing::TempProject;

std::string bin_dir() { return fs::path(PGGUARD_PRE_HOOK).parent_path().string(); }

void init(const TempProject& p, bool permissions = false) {
  std::string error;
  REQUIRE(setup::apply(setup::plan_init({p.root, bin_dir(), permissions}), error));
}

}  // namespace

TEST_CASE("init on an empty project wires every hook and writes the config and CLAUDE.md block", "[setup]") {
  TempProject p;
  p.write("db/migrations/001_init.sql", "CREATE TABLE t (id uuid PRIMARY KEY);\n");
  init(p);
  json settings = json::parse(p.read(".claude/settings.json"));
  CHECK(settings["hooks"]["PreToolUse"].size() == 3);
  CHECK(settings["hooks"]["PreToolUse"][2]["matcher"] == "mcp__.*");
  CHECK(settings["hooks"]["PostToolUse"][0]["matcher"] == "Write|Edit|MultiEdit|Bash");
  CHECK(settings["hooks"]["PreToolUse"][0]["hooks"][0]["command"] == bin_dir() + "/pgguard-pre-tool-use");
  json config = json::parse(p.read(".pgguard.json"));
  CHECK(config["migrations"][0] == "db/migrations/**");
  CHECK(p.read("CLAUDE.md").find("PostgreSQL rules enforced by pgguard") != std::string::npos);
  CHECK(p.read("CLAUDE.md").find("`sql-destructive` (deny, confirmable)") != std::string::npos);
}

TEST_CASE("init keeps other hooks, permissions and keys, and changes nothing the second time", "[setup]") {
  TempProject p;
  json existing = {{"model", "x"},
                   {"permissions", {{"allow", {"Bash(ls)"}}}},
                   {"hooks", {{"PreToolUse", {{{"matcher", "Bash"}, {"hooks", {{{"type", "command"}, {"command", "other-guard"}}}}}}}}}};
  p.write(".claude/settings.json", existing.dump());
  p.write("CLAUDE.md", "# Project\n\nPostgreSQL: 15.x\n");
  init(p, true);
  json settings = json::parse(p.read(".claude/settings.json"));
  CHECK(settings["model"] == "x");
  CHECK(settings["hooks"]["PreToolUse"][0]["hooks"][0]["command"] == "other-guard");
  CHECK(settings["hooks"]["PreToolUse"][0]["hooks"].size() == 2);
  CHECK(settings["permissions"]["allow"][0] == "Bash(ls)");
  CHECK(json::parse(p.read(".pgguard.json"))["postgres_version"] == 15);
  CHECK(fs::exists(p.root + "/.claude/settings.json.bak"));
  for (const auto& change : setup::plan_init({p.root, bin_dir(), true})) {
    INFO(change.path);
    CHECK_FALSE(change.changed());
  }
}

TEST_CASE("uninstall removes exactly what init added", "[setup]") {
  TempProject p;
  json existing = {{"permissions", {{"deny", {"Bash(rm -rf /)"}}}}, {"hooks", {{"Stop", {{{"hooks", {{{"type", "command"}, {"command", "notify"}}}}}}}}}};
  p.write(".claude/settings.json", existing.dump());
  std::string claude = "# Project\n\nRules.\n";
  p.write("CLAUDE.md", claude);
  init(p, true);
  std::string error;
  REQUIRE(setup::apply(setup::plan_uninstall(p.root), error));
  CHECK(json::parse(p.read(".claude/settings.json")) == existing);
  CHECK(p.read("CLAUDE.md") == claude);
  CHECK_FALSE(fs::exists(p.root + "/.pgguard.json"));
}

TEST_CASE("uninstall keeps a .pgguard.json edited after init and says so", "[setup]") {
  TempProject p;
  init(p);
  json config = json::parse(p.read(".pgguard.json"));
  config["rules"] = {{"sql-bounded-write", "ask"}};
  p.write(".pgguard.json", config.dump(2));
  auto changes = setup::plan_uninstall(p.root);
  auto kept = std::find_if(changes.begin(), changes.end(), [&](const setup::FileChange& c) { return c.path == p.path(".pgguard.json"); });
  REQUIRE(kept != changes.end());
  CHECK(kept->note.find("kept " + p.path(".pgguard.json")) != std::string::npos);
  std::string error;
  REQUIRE(setup::apply(changes, error));
  json after = json::parse(p.read(".pgguard.json"));
  CHECK(after["rules"]["sql-bounded-write"] == "ask");
  CHECK_FALSE(after.contains("init"));

  TempProject untouched;  // the same steps without the edit remove the file, after a second init that found more
  init(untouched);
  untouched.write("db/migrations/001_init.sql", "CREATE TABLE t (id uuid PRIMARY KEY);\n");
  init(untouched);
  REQUIRE(json::parse(untouched.read(".pgguard.json")).contains("migrations"));
  for (const auto& change : setup::plan_uninstall(untouched.root)) CHECK(change.note.empty());
  REQUIRE(setup::apply(setup::plan_uninstall(untouched.root), error));
  CHECK_FALSE(fs::exists(untouched.path(".pgguard.json")));
}

TEST_CASE("init, doctor and uninstall run from a subdirectory work on the project root", "[setup]") {
  TempProject p;
  p.write("package.json", "{}\n");
  p.write("src/components/deep/.keep", "");
  CHECK(setup::project_root(p.path("src/components/deep")) == p.root);
  TempProject bare;
  bare.write("a/b/.keep", "");
  CHECK(setup::project_root(bare.path("a/b")) == bare.path("a/b"));

  std::map<std::string, std::string> env = {{"PATH", "/usr/bin:/bin"}, {"HOME", "/nonexistent"}};
  auto r = run_process(PGGUARD_CLI, {"init"}, "", env, p.path("src/components/deep"));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(fs::exists(p.path(".claude/settings.json")));
  CHECK(fs::exists(p.path(".pgguard.json")));
  CHECK_FALSE(fs::exists(p.path("src/components/deep/.claude")));
  auto doctor = run_process(PGGUARD_CLI, {"doctor", "--json"}, "", env, p.path("src/components"));
  CHECK(json::parse(doctor.out)["checks"][1]["detail"] == p.path(".claude/settings.json"));
  auto uninstall = run_process(PGGUARD_CLI, {"uninstall"}, "", env, p.path("src"));
  CHECK(uninstall.exit_code == 0);
  CHECK_FALSE(fs::exists(p.path(".pgguard.json")));

  auto git = run_process("git", {"init", "-q"}, "", env, p.root);
  REQUIRE(git.exit_code == 0);
  p.write("src/components/pyproject.toml", "[project]\n");  // a nested marker: the git work tree still wins
  CHECK(setup::project_root(p.path("src/components/deep")) == p.root);
}

TEST_CASE("doctor passes on a working setup and names each problem of a broken one", "[setup]") {
  TempProject p;
  p.write("db/migrations/001_init.sql", "CREATE TABLE t (id uuid PRIMARY KEY);\n");
  init(p);
  for (const auto& check : setup::doctor(p.root, bin_dir())) {
    INFO(check.name << ": " << check.detail);
    CHECK(check.ok);
  }
  json settings = json::parse(p.read(".claude/settings.json"));
  settings["hooks"]["PreToolUse"].erase(1);  // no Write|Edit|MultiEdit guard
  settings["disableAllHooks"] = true;
  p.write(".claude/settings.json", settings.dump());
  p.write(".pgguard.json", R"({"rules": {"sql-destructive": "off"}, "migrations": ["db/missing/**"]})");
  std::map<std::string, std::string> failed;
  for (const auto& check : setup::doctor(p.root, bin_dir()))
    if (!check.ok) failed[check.name] = check.detail;
  CHECK(failed.count("PreToolUse Write|Edit|MultiEdit"));
  CHECK(failed.count("hooks enabled"));
  CHECK(failed.count(".pgguard.json"));
  CHECK(failed.count("migration directories"));
  CHECK(setup::doctor(p.root, "/nonexistent").front().ok == false);
}

TEST_CASE("explain gives a stable step-by-step account", "[explain]") {
  GuardRequest request;
  request.command = "sudo -u postgres psql -h prod-db.internal -c 'DELETE FROM users WHERE 1=1'";
  request.cwd = "/nonexistent";
  Analysis analysis = analyse_command(request, builtin_policy());
  std::string text = explain_text(explain_command(request.command, analysis));
  CHECK(text ==
        "command: sudo -u postgres psql -h prod-db.internal -c 'DELETE FROM users WHERE 1=1'\n"
        "\n1. shell parse\n"
        "   unwrapped sudo\n"
        "   ran psql -h prod-db.internal -c 'DELETE FROM users WHERE 1=1'\n"
        "\n2. SQL reaching PostgreSQL\n"
        "   via psql -c\n"
        "     line 1: DELETE FROM users WHERE 1=1\n"
        "       unbounded-write: DELETE FROM users with a WHERE that is always true touches every row\n"
        "     target: production (psql -h = prod-db.internal)\n"
        "\n3. database CLIs\n"
        "   none\n"
        "\n4. rules\n"
        "   [production-write] deny\n"
        "   [sql-unbounded-write] deny\n"
        "\n5. decision\n"
        "   deny\n");
}

TEST_CASE("audit log: 16 processes x 500 appends lose and tear no line", "[audit]") {
  TempProject p;
  std::string path = p.root + "/state/pgguard/project.jsonl";
  audit::Settings settings;
  settings.max_bytes = 64u << 20;
  std::vector<pid_t> children;
  for (int process = 0; process < 16; ++process) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      for (int i = 0; i < 500; ++i) {
        audit::Entry e{audit::now_iso8601(), "PreToolUse", "s" + std::to_string(process), "/p", "Bash", "deny", {"sql-destructive"},
                       "psql postgres://u:secret@h/db -c 'DROP TABLE t" + std::to_string(i) + "'"};
        audit::append(e, settings, path);
      }
      _exit(0);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) waitpid(pid, nullptr, 0);
  std::ifstream in(path);
  std::string line;
  size_t lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    json entry = json::parse(line, nullptr, false);
    REQUIRE_FALSE(entry.is_discarded());
    CHECK(entry["subject"].get<std::string>().find("secret") == std::string::npos);
  }
  CHECK(lines == 16 * 500);
}

TEST_CASE("audit log rotates when full", "[audit]") {
  TempProject p;
  std::string path = p.root + "/log.jsonl";
  audit::Settings settings;
  settings.max_bytes = 2000;
  for (int i = 0; i < 50; ++i) audit::append({audit::now_iso8601(), "PreToolUse", "s", "/p", "Bash", "ask", {"sql-opaque"}, "psql"}, settings, path);
  CHECK(fs::exists(path + ".1"));
  CHECK(fs::file_size(path) <= 2000);
}

TEST_CASE("pgguard log reads what the hook logged, and a log that cannot be written changes no decision", "[audit]") {
  TempProject p;
  json payload = {{"session_id", "s1"}, {"cwd", p.root}, {"hook_event_name", "PreToolUse"}, {"tool_name", "Bash"},
                  {"tool_input", {{"command", "psql -c 'DROP TABLE orders'"}}}};
  std::map<std::string, std::string> env = {{"PATH", "/usr/bin:/bin"}, {"HOME", p.root}, {"XDG_STATE_HOME", p.path("state")}};
  ProcessResult logged = run_process(PGGUARD_PRE_HOOK, {}, payload.dump(), env, p.root);
  REQUIRE(logged.exit_code == 0);
  CHECK(logged.out.find("\"permissionDecision\":\"deny\"") != std::string::npos);

  ProcessResult all = run_process(PGGUARD_CLI, {"log", "--json", "--project", p.root, "--since", "1h"}, "", env, p.root);
  std::vector<std::string> lines = split_lines(all.out);
  REQUIRE(lines.size() == 1);
  json entry = json::parse(lines[0]);
  CHECK(entry["decision"] == "deny");
  CHECK(entry["session_id"] == "s1");
  CHECK(entry["rules"] == json::array({"sql-destructive"}));
  CHECK(run_process(PGGUARD_CLI, {"log", "--decision", "ask", "--project", p.root}, "", env, p.root).out.empty());
  CHECK(run_process(PGGUARD_CLI, {"log", "--decision", "deny", "--project", p.root}, "", env, p.root).out.find("sql-destructive") !=
        std::string::npos);

  // The state directory cannot be created (a file stands in the way): the same answer, still exit 0.
  p.write("blocked", "a file, not a directory\n");
  env["XDG_STATE_HOME"] = p.path("blocked/state");
  ProcessResult unlogged = run_process(PGGUARD_PRE_HOOK, {}, payload.dump(), env, p.root);
  CHECK(unlogged.exit_code == 0);
  CHECK(unlogged.out == logged.out);
}

TEST_CASE("a home directory that does not exist is not created for the audit log", "[audit]") {
  TempProject p;
  std::string home = p.path("no-such-home");
  json payload = {{"cwd", p.root}, {"hook_event_name", "PreToolUse"}, {"tool_name", "Bash"},
                  {"tool_input", {{"command", "psql -c 'DROP TABLE orders'"}}}};
  std::map<std::string, std::string> env = {{"PATH", "/usr/bin:/bin"}, {"HOME", home}};
  CHECK(audit::log_path(p.root, env).empty());
  ProcessResult result = run_process(PGGUARD_PRE_HOOK, {}, payload.dump(), env, p.root);
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("\"permissionDecision\":\"deny\"") != std::string::npos);
  CHECK_FALSE(fs::exists(home));
  CHECK(run_process(PGGUARD_CLI, {"log", "--project", p.root}, "", env, p.root).out.empty());

  fs::create_directory(home);
  CHECK(audit::log_path(p.root, env).rfind(home + "/.local/state/pgguard/", 0) == 0);
}
