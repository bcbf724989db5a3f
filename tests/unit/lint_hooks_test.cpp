// The migration side of the hooks: PostToolUse lint of written/generated migrations, PreToolUse
// checks on Write/Edit, and the lint of pending migrations before a migration run.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <thread>
#include <nlohmann/json.hpp>

#include "guard/guard.h"
#include "lint/discover.h"
#include "lint/project.h"
#include "util/environment.h"
#include "util/git.h"
#include "util/subprocess.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace pgguard;

namespace {

// A throwaway project: db/migrations with a committed first migration, in a git repository.
class Project {
 public:
  Project() {
    std::string pattern = (fs::temp_directory_path() / "pgguard-project-XXXXXX").string();
    root_ = mkdtemp(pattern.data());
    fs::create_directories(root_ + "/db/migrations");
    write("db/migrations/001_init.sql", "CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL);\n");
    auto env = process_environment();
    for (std::vector<std::string> args : {std::vector<std::string>{"init", "-q"}, {"add", "-A"},
                                          {"-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "init"}})
      run_process("git", args, "", env, root_);
  }
  ~Project() { fs::remove_all(root_); }
  void write(const std::string& relative, const std::string& text) const { std::ofstream(root_ + "/" + relative) << text; }
  std::string path(const std::string& relative) const { return root_ + "/" + relative; }
  const std::string& root() const { return root_; }

 private:
  std::string root_;
};

const std::map<std::string, std::string> kEnv = {{"PATH", "/usr/bin:/bin"}, {"HOME", "/nonexistent"}};

ProcessResult post(const json& payload) { return run_process(PGGUARD_POST_HOOK, {}, payload.dump(), kEnv); }
ProcessResult pre(const json& payload) { return run_process(PGGUARD_PRE_HOOK, {}, payload.dump(), kEnv); }

json post_write(const Project& p, const std::string& relative) {
  return {{"cwd", p.root()}, {"hook_event_name", "PostToolUse"}, {"tool_name", "Write"},
          {"tool_input", {{"file_path", p.path(relative)}, {"content", ""}}},
          {"tool_response", {{"type", "create"}, {"filePath", p.path(relative)}}}};
}

}  // namespace

TEST_CASE("PostToolUse: a written migration with an error is blocked with the fix", "[lint][hooks]") {
  Project p;
  p.write("db/migrations/002_index.sql", "CREATE INDEX idx_orders_status ON orders (status);\n");
  auto r = post(post_write(p, "db/migrations/002_index.sql"));
  REQUIRE(r.exit_code == 0);
  json out = json::parse(r.out);
  CHECK(out["decision"] == "block");
  std::string reason = out["reason"];
  CHECK(reason.find("[create-index-non-concurrent]") != std::string::npos);
  CHECK(reason.find("line 1") != std::string::npos);
  CHECK(reason.find("CREATE INDEX CONCURRENTLY") != std::string::npos);
}

TEST_CASE("PostToolUse: clean migrations and other files get no answer", "[lint][hooks]") {
  Project p;
  p.write("db/migrations/002_ok.sql", "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);\n");
  CHECK(post(post_write(p, "db/migrations/002_ok.sql")).out.empty());
  p.write("notes.sql", "CREATE INDEX idx_orders_status ON orders (status);\n");
  CHECK(post(post_write(p, "notes.sql")).out.empty());
}

TEST_CASE("PostToolUse: the project's audit settings apply, and a broken config is said once", "[lint][hooks]") {
  Project p;
  p.write("db/migrations/002_index.sql", "CREATE INDEX idx_orders_status ON orders (status);\n");
  std::string state = p.path("state");
  std::map<std::string, std::string> env = {{"PATH", "/usr/bin:/bin"}, {"XDG_STATE_HOME", state}};
  auto logged = [&] { return fs::exists(state + "/pgguard") && !fs::is_empty(state + "/pgguard"); };

  p.write(".pgguard.json", R"({"audit": {"enabled": false}})");
  auto quiet = run_process(PGGUARD_POST_HOOK, {}, post_write(p, "db/migrations/002_index.sql").dump(), env);
  CHECK(json::parse(quiet.out)["decision"] == "block");
  CHECK_FALSE(json::parse(quiet.out).contains("hookSpecificOutput"));
  CHECK_FALSE(logged());

  p.write(".pgguard.json", "{\"audit\": {\"enabled\": false},");
  auto broken = run_process(PGGUARD_POST_HOOK, {}, post_write(p, "db/migrations/002_index.sql").dump(), env);
  json out = json::parse(broken.out);
  CHECK(out["decision"] == "block");  // linted with the defaults
  CHECK(std::string(out["reason"]).find("[create-index-non-concurrent]") != std::string::npos);
  std::string context = out["hookSpecificOutput"]["additionalContext"];
  CHECK(context.find(p.path(".pgguard.json") + " ignored") != std::string::npos);
  CHECK(context.find("ignored") == context.rfind("ignored"));
  CHECK(logged());  // the built-in audit settings apply

  p.write(".pgguard.json", R"({"postgres_version": 1e50})");
  auto huge = run_process(PGGUARD_POST_HOOK, {}, post_write(p, "db/migrations/002_index.sql").dump(), env);
  REQUIRE(huge.exit_code == 0);
  out = json::parse(huge.out);
  CHECK(out["decision"] == "block");
  context = out["hookSpecificOutput"]["additionalContext"];
  CHECK(context.find("ignored for linting (postgres_version must be a whole number from 10 to 99)") != std::string::npos);
}

TEST_CASE("PostToolUse: Edit and MultiEdit payloads lint the file as it now is", "[lint][hooks]") {
  Project p;
  p.write("db/migrations/002_edit.sql", "CREATE INDEX idx_orders_status ON orders (status);\n");
  json edit = {{"cwd", p.root()}, {"hook_event_name", "PostToolUse"}, {"tool_name", "Edit"},
               {"tool_input", {{"file_path", p.path("db/migrations/002_edit.sql")}, {"old_string", "a"}, {"new_string", "b"}}},
               {"tool_response", {{"filePath", p.path("db/migrations/002_edit.sql")}}}};
  CHECK(json::parse(post(edit).out)["decision"] == "block");
  json multi = edit;
  multi["tool_name"] = "MultiEdit";
  multi["tool_input"] = {{"file_path", p.path("db/migrations/002_edit.sql")}, {"edits", json::array({{{"old_string", "a"}, {"new_string", "b"}}})}};
  CHECK(json::parse(post(multi).out)["decision"] == "block");
}

TEST_CASE("PostToolUse: a migration a Bash command generated is linted", "[lint][hooks]") {
  Project p;
  p.write("db/migrations/002_generated.sql", "CREATE INDEX idx_orders_status ON orders (status);\n");
  json bash = {{"cwd", p.root()}, {"hook_event_name", "PostToolUse"}, {"tool_name", "Bash"},
               {"tool_input", {{"command", "npx drizzle-kit generate"}}}, {"tool_response", {{"stdout", ""}}}, {"duration_ms", 800}};
  auto r = post(bash);
  REQUIRE_FALSE(r.out.empty());
  CHECK(std::string(json::parse(r.out)["reason"]).find("002_generated.sql") != std::string::npos);
}

TEST_CASE("PreToolUse: editing an applied migration is denied, a new one is fine", "[lint][hooks]") {
  Project p;
  auto payload = [&](const std::string& relative) {
    return json{{"cwd", p.root()}, {"hook_event_name", "PreToolUse"}, {"tool_name", "Edit"},
                {"tool_input", {{"file_path", p.path(relative)}, {"old_string", "text"}, {"new_string", "varchar(20)"}}}};
  };
  auto denied = pre(payload("db/migrations/001_init.sql"));
  json out = json::parse(denied.out)["hookSpecificOutput"];
  CHECK(out["permissionDecision"] == "deny");
  CHECK(std::string(out["permissionDecisionReason"]).find("[applied-migration-edit]") != std::string::npos);
  p.write("db/migrations/002_new.sql", "SELECT 1;\n");
  CHECK(pre(payload("db/migrations/002_new.sql")).out.empty());
}

TEST_CASE("Git: the work tree is found without running git, in a linked worktree too", "[hooks]") {
  Project p;
  CHECK(git_toplevel(p.path("db/migrations")) == p.root());
  CHECK(git_toplevel(p.path("db/migrations/not-created-yet")) == p.root());
  CHECK_FALSE(git_toplevel("/proc/self"));
  run_process("git", {"worktree", "add", "-q", "--detach", p.path("linked")}, "", process_environment(), p.root());
  REQUIRE(fs::is_regular_file(p.path("linked/.git")));
  CHECK(git_toplevel(p.path("linked/db/migrations")) == p.path("linked"));
  CHECK(git_has_file_at(p.path("linked/db/migrations/001_init.sql"), "HEAD"));
  p.write("linked/db/migrations/002_new.sql", "SELECT 1;\n");
  auto changed = git_changed_files(p.path("linked/db"));
  REQUIRE(changed);
  CHECK(*changed == std::set<std::string>{p.path("linked/db/migrations/002_new.sql")});
  CHECK_FALSE(git_changed_files("/proc/self"));
}

TEST_CASE("PreToolUse: writing a connection string with a password is denied, except into .env", "[hooks]") {
  Project p;
  auto write = [&](const std::string& relative) {
    return json{{"cwd", p.root()}, {"hook_event_name", "PreToolUse"}, {"tool_name", "Write"},
                {"tool_input", {{"file_path", p.path(relative)}, {"content", "DATABASE_URL=postgres://app:hunter2@db/app\n"}}}};
  };
  auto r = pre(write("src/config.ts"));
  CHECK(json::parse(r.out)["hookSpecificOutput"]["permissionDecision"] == "deny");
  CHECK(r.out.find("hunter2") == std::string::npos);
  CHECK(pre(write(".env.local")).out.empty());
}

TEST_CASE("Guard: a migration run with lint errors in pending migrations is denied", "[lint][hooks]") {
  Project p;
  p.write("db/migrations/002_index.sql", "CREATE INDEX idx_orders_status ON orders (status);\n");
  GuardRequest request;
  request.command = "npx dbmate up";
  request.cwd = p.root();
  Decision d = check_command(request, load_policy(request.cwd, ""));
  CHECK(d.verdict == Verdict::Deny);
  bool pending = false;
  for (const auto& f : d.findings) pending = pending || f.rule == "pending-migration-errors";
  CHECK(pending);
  CHECK(d.reason.find("002_index.sql") != std::string::npos);
  // The summary of what is pending counts the same errors the denial lists.
  CHECK(d.reason.find("no errors") == std::string::npos);
  CHECK(d.reason.find("Pending migrations linted: 1 file(s), 1 error(s)") != std::string::npos);
}

TEST_CASE("Guard: a migration run with clean pending migrations asks with a summary", "[lint][hooks]") {
  Project p;
  p.write("db/migrations/002_ok.sql", "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);\n");
  GuardRequest request;
  request.command = "npx dbmate up";
  request.cwd = p.root();
  Decision d = check_command(request, load_policy(request.cwd, ""));
  CHECK(d.verdict == Verdict::Ask);
  CHECK(d.reason.find("Pending migrations linted: 1 file(s), 0 error(s)") != std::string::npos);
}

TEST_CASE("The migration search is bounded by directory entries, skips dependencies and always gives the same answer", "[lint][hooks]") {
  Project p;
  for (int i = 2; i < 600; ++i) p.write("db/migrations/" + std::to_string(1000 + i) + "_step.sql", "SELECT 1;\n");
  for (const char* skipped : {"node_modules/pkg", "vendor/lib", "target/debug", ".venv/lib", "dist/x", ".git/x"})
    p.write(std::string(skipped) + "/migrations/001_x.sql", "DROP TABLE users;\n");
  CHECK(lint::find_migrations(p.root(), {}).size() == 599);
  size_t bounded = lint::find_migrations(p.root(), {}, 20000, 100).size();
  CHECK(bounded > 0);
  CHECK(bounded < 100);
  CHECK(lint::find_migrations(p.root(), {}, 20000, 100) == lint::find_migrations(p.root(), {}, 20000, 100));
}
