// End to end with the real migration tools from npm: each tool generates migrations the way a user
// or an agent runs it, the hooks get the payloads of the agent's tool calls, `pgguard lint` and
// `pgguard migrations` read the project, and the tool applies migrations to a throwaway server.
// Skipped with the reason printed when npm or its registry is unavailable.
#include <catch2/catch.hpp>

#include <iostream>
#include <regex>

#include "server/cluster.h"
#include "support/node_tools.h"
#include "support/tool_project.h"

using nlohmann::json;
using namespace pgguard;
using testing::ToolProject;

namespace {

const std::vector<std::string> kPackages = {"drizzle-kit@0.31", "drizzle-orm", "pg",        "knex",       "node-pg-migrate",
                                            "sequelize-cli",    "sequelize",   "typeorm",   "ts-node",    "typescript@5",
                                            "reflect-metadata"};

const testing::NodeTools& node_tools() {
  static const testing::NodeTools tools = [] {
    auto installed = testing::install_node_tools(kPackages, 420);
    if (installed.install_seconds > 0) std::cerr << "npm install took " << installed.install_seconds << " s\n";
    return installed;
  }();
  return tools;
}

// One server for every tool, each in its own database; stopped and removed at exit.
const server::ThrowawayCluster& cluster() {
  static const auto server = server::ThrowawayCluster::start();
  return *server;
}

testing::HookAnswer pre(const json& payload) { return testing::run_pre_hook(PGGUARD_PRE_HOOK, payload); }
testing::HookAnswer post(const json& payload) { return testing::run_post_hook(PGGUARD_POST_HOOK, payload); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

ProcessResult pgguard(const ToolProject& p, const std::vector<std::string>& args) {
  return run_process(PGGUARD_CLI, args, "", {{"PATH", "/usr/bin:/bin"}, {"HOME", p.root()}}, p.root(), 60000);
}

// Runs a tool command that must succeed; its output is shown when it does not.
ToolProject::Run tool(const ToolProject& p, const std::string& command) {
  auto run = p.run(command);
  INFO("$ " << command << "\n" << run.result.out << run.result.err);
  REQUIRE(run.result.exit_code == 0);
  return run;
}

struct LintRun {
  int exit_code = -1;
  long linted = -1;  // from "N migration file(s) linted"
  std::string err;
  json findings = json::array();
};

LintRun lint(const ToolProject& p, std::vector<std::string> args) {
  args.insert(args.begin(), "lint");
  ProcessResult text = pgguard(p, args);
  LintRun run;
  run.exit_code = text.exit_code;
  run.err = text.err;
  std::smatch count;
  if (std::regex_search(run.err, count, std::regex(R"((\d+) migration file\(s\) linted)"))) run.linted = std::stol(count[1]);
  args.insert(args.end(), {"--format", "json"});
  json parsed = json::parse(pgguard(p, args).out, nullptr, false);
  if (parsed.is_object()) run.findings = parsed.value("findings", json::array());
  return run;
}

// Every way a user names the migrations lints them all: the folder, no paths at all (from the
// root, no .pgguard.json), a quoted glob; a path or a glob that matches nothing is an error naming it.
json check_lint_finds_all(const ToolProject& p, const std::string& folder, const std::string& glob, long count) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{folder}, {}, {glob}}) {
    LintRun r = lint(p, args);
    INFO("pgguard lint " << (args.empty() ? "" : args[0]) << "\n" << r.err);
    CHECK(r.exit_code >= 0);
    CHECK(r.exit_code <= 1);
    CHECK(r.linted == count);
  }
  for (const std::string& nothing : {folder + "/missing", folder + "/*.nothing"}) {
    ProcessResult r = pgguard(p, {"lint", nothing});
    INFO("pgguard lint " << nothing << "\n" << r.err);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, nothing));
  }
  return lint(p, {folder}).findings;
}

// Real tools' output is understood, and no finding contradicts how the tool runs a migration file.
void check_understood(const json& findings, bool tool_wraps_in_transaction) {
  std::set<std::string> contradicting = {"parse-error", "unlintable-migration", "concurrently-in-transaction", "transaction-nesting",
                                         "uncommitted-transaction"};
  if (tool_wraps_in_transaction) contradicting.insert("non-idempotent-ddl");
  for (const auto& f : findings) {
    INFO(f.dump(2));
    CHECK(contradicting.count(f.value("rule", "")) == 0);
  }
}

// pgguard's view of the database agrees with the tool's: what it applied is applied, the rest is new.
void check_applied(const ToolProject& p, const std::vector<std::string>& applied, const std::vector<std::string>& pending) {
  ProcessResult r = pgguard(p, {"migrations", "--database-url", p.database_url(), "--format", "json"});
  INFO("pgguard migrations --database-url " << p.database_url() << " --format json\n" << r.out << r.err);
  CHECK(r.exit_code == 0);
  json view = json::parse(r.out, nullptr, false);
  REQUIRE(view.is_object());
  CHECK(view.value("root", "") == p.root());
  auto entry = [&](const std::string& name) {
    for (const auto& m : view.value("migrations", json::array()))
      if (contains(m.value("path", ""), name)) return m;
    return json();
  };
  for (const auto& name : applied) {
    INFO("applied by the tool: " << name);
    CHECK(entry(name).value("applied", false) == true);
  }
  for (const auto& name : pending) {
    INFO("generated, not applied: " << name);
    json m = entry(name);
    CHECK(m.value("applied", true) == false);
    CHECK(m.value("state", "") == "new");
  }
}

// The migrate command is not denied; when it asks, the reason is a finding, not a parse failure.
void check_migrate_allowed(const ToolProject& p, const std::string& command) {
  auto answer = pre(before_bash(p, command));
  INFO(command << " -> " << answer.raw << answer.err);
  CHECK(answer.exit_code == 0);
  CHECK(answer.decision != "deny");
  CHECK_FALSE(contains(answer.reason, "parse-error"));
  CHECK_FALSE(contains(answer.reason, "unlintable-migration"));
}

// Writes a migration's body as an agent does (PreToolUse Write, the write, PostToolUse Write) and
// returns the PostToolUse answer.
testing::HookAnswer agent_writes(const ToolProject& p, const std::string& file, const std::string& content) {
  auto before = pre(before_write(p, file, content));
  INFO("PreToolUse Write " << file << " -> " << before.raw);
  CHECK(before.decision != "deny");
  p.write(file, content);
  return post(after_write(p, file, content));
}

std::string base_name(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

void report_time(const std::string& name, std::chrono::steady_clock::time_point started) {
  std::cerr << name << " took " << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s\n";
}

// Prints why the tools cannot run and returns true when so: such a run tests nothing, and says it.
bool tools_unavailable() {
  if (node_tools().unavailable.empty()) return false;
  WARN("real migration tools skipped: " << node_tools().unavailable);
  return true;
}

ToolProject tool_project(const std::string& database) { return ToolProject(node_tools().modules, cluster().directory(), database); }

}  // namespace

TEST_CASE("drizzle-kit: generated migrations, the hooks, lint and the applied state", "[e2e][npm]") {
  if (tools_unavailable()) return;
  auto started = std::chrono::steady_clock::now();
  ToolProject p = tool_project("drizzle_app");
  p.write("package.json", R"({"name": "drizzle-app", "private": true, "dependencies": {"drizzle-kit": "^0.31.0", "drizzle-orm": "*", "pg": "*"}})");
  p.write("drizzle.config.ts",
          "import { defineConfig } from \"drizzle-kit\";\n\n"
          "export default defineConfig({\n  dialect: \"postgresql\",\n  schema: \"./src/db/schema.ts\",\n  out: \"./drizzle\",\n"
          "  dbCredentials: { url: process.env.DATABASE_URL! },\n});\n");
  const std::string schema_head = "import { pgTable, serial, text, integer, bigint, index } from \"drizzle-orm/pg-core\";\n\n"
                                  "export const teams = pgTable(\"teams\", {\n  id: serial(\"id\").primaryKey(),\n  name: text(\"name\").notNull(),\n});\n\n";
  p.write("src/db/schema.ts", schema_head +
                                  "export const users = pgTable(\"users\", {\n  id: serial(\"id\").primaryKey(),\n"
                                  "  email: text(\"email\").notNull(),\n  age: integer(\"age\"),\n});\n");
  p.commit("project");

  tool(p, "drizzle-kit generate");
  auto initial = p.files("drizzle", ".sql");
  REQUIRE(initial.size() == 1);
  check_migrate_allowed(p, "npx drizzle-kit migrate");
  tool(p, "drizzle-kit migrate");
  p.commit("users and teams");

  // A NOT NULL column, an index, a wider type and a foreign key, in one generated migration.
  p.write("src/db/schema.ts", schema_head +
                                  "export const users = pgTable(\"users\", {\n  id: serial(\"id\").primaryKey(),\n"
                                  "  email: text(\"email\").notNull(),\n  age: bigint(\"age\", { mode: \"number\" }),\n"
                                  "  status: text(\"status\").notNull(),\n  teamId: integer(\"team_id\").references(() => teams.id),\n"
                                  "}, (t) => [index(\"users_email_idx\").on(t.email)]);\n");
  auto generated = tool(p, "drizzle-kit generate");
  auto files = p.files("drizzle", ".sql");
  REQUIRE(files.size() == 2);
  const std::string change = files[1];
  {
    auto answer = post(after_bash(p, "npx drizzle-kit generate", generated));
    INFO("PostToolUse Bash `npx drizzle-kit generate` -> " << answer.raw << answer.err);
    CHECK(answer.decision == "block");
    CHECK(contains(answer.reason, "[create-index-non-concurrent]"));
    CHECK(contains(answer.reason, base_name(change)));
    // drizzle-kit migrate runs every pending migration in one transaction, where CONCURRENTLY fails.
    CHECK_FALSE(std::regex_search(answer.reason, std::regex(R"((add|use|write|put)[^.\n]*CREATE INDEX CONCURRENTLY)", std::regex::icase)));
    CHECK_FALSE(contains(answer.reason, "[concurrently-in-transaction]"));
  }
  {
    // The journal lists the new migration, but it records generation, not application.
    REQUIRE(contains(p.read("drizzle/meta/_journal.json"), base_name(change).substr(0, base_name(change).size() - 4)));
    auto answer = pre(before_edit(p, change, "CREATE INDEX", "CREATE INDEX IF NOT EXISTS"));
    INFO("PreToolUse Edit of the uncommitted " << change << " -> " << answer.raw);
    CHECK(answer.decision != "deny");
    CHECK_FALSE(contains(answer.reason, "applied-migration-edit"));
  }

  // A rename: drizzle-kit asks on its terminal whether the column was renamed; the answer is the second choice.
  auto renamed = p.run(
      "( i=0; while [ $i -lt 600 ] && ! grep -q 'renamed' .generate.log 2>/dev/null; do sleep 0.1; i=$((i+1)); done;"
      " sleep 0.5; printf '\\033[B'; sleep 0.5; printf '\\r';"
      " i=0; while [ $i -lt 600 ] && ! grep -q 'migration file' .generate.log; do sleep 0.1; i=$((i+1)); done )"
      " | script -qfec 'drizzle-kit generate' .generate.log >/dev/null; rm -f .generate.log");
  files = p.files("drizzle", ".sql");
  REQUIRE(files.size() == 3);
  const std::string rename = files[2];
  INFO(rename << ":\n" << p.read(rename));
  REQUIRE(contains(p.read(rename), "RENAME COLUMN"));

  json findings = check_lint_finds_all(p, "drizzle", "drizzle/*.sql", 3);
  check_understood(findings, true);
  INFO(findings.dump(2));
  auto change_rules = testing::rules_for(findings, base_name(change));
  CHECK(change_rules.count("create-index-non-concurrent"));
  CHECK(change_rules.count("add-column-not-null-no-default"));
  CHECK(change_rules.count("alter-column-type"));
  CHECK(testing::rules_for(findings, base_name(rename)).count("rename-column"));
  check_applied(p, {base_name(initial[0])}, {base_name(change), base_name(rename)});

  p.commit("status, team and email_address");
  auto answer = pre(before_edit(p, change, "CREATE INDEX", "CREATE INDEX IF NOT EXISTS"));
  INFO("PreToolUse Edit of the committed " << change << " -> " << answer.raw);
  CHECK(answer.decision == "deny");
  CHECK(contains(answer.reason, "[applied-migration-edit]"));
  CHECK(contains(answer.reason, "HEAD"));
  CHECK(contains(answer.reason, "commit"));
  report_time("drizzle-kit", started);
}

TEST_CASE("knex: migrate:make files with a user's bodies, the hooks, lint and the applied state", "[e2e][npm]") {
  if (tools_unavailable()) return;
  auto started = std::chrono::steady_clock::now();
  ToolProject p = tool_project("knex_app");
  p.write("package.json", R"({"name": "knex-app", "private": true, "dependencies": {"knex": "*", "pg": "*"}})");
  p.write("knexfile.js", "module.exports = {\n  client: 'pg',\n  connection: process.env.DATABASE_URL,\n"
                         "  migrations: { directory: './migrations' },\n};\n");
  p.commit("project");
  // Each migration as a knex user writes it into the file `knex migrate:make` created.
  auto make = [&](const std::string& name, const std::string& up, const std::string& down) {
    auto generated = tool(p, "knex migrate:make " + name);
    auto answer = post(after_bash(p, "npx knex migrate:make " + name, generated));
    INFO("PostToolUse Bash `npx knex migrate:make` of an empty migration -> " << answer.raw);
    CHECK(answer.decision.empty());
    auto files = p.files("migrations", "_" + name + ".js");
    REQUIRE(files.size() == 1);
    std::string text = testing::replace_function_body(p.read(files[0]), "exports.up = function(knex) {", up);
    text = testing::replace_function_body(text, "exports.down = function(knex) {", down);
    return std::make_pair(files[0], agent_writes(p, files[0], text));
  };
  auto [initial, initial_answer] = make("create_users",
                                        "  return knex.schema\n"
                                        "    .createTable('teams', (t) => {\n      t.increments('id');\n      t.text('name').notNullable();\n    })\n"
                                        "    .createTable('users', (t) => {\n      t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));\n"
                                        "      t.text('email').notNullable();\n      t.integer('age');\n    });",
                                        "  return knex.schema.dropTable('users').dropTable('teams');");
  INFO("PostToolUse Write " << initial << " -> " << initial_answer.raw);
  CHECK_FALSE(contains(initial_answer.reason, "parse-error"));
  check_migrate_allowed(p, "npx knex migrate:latest");
  tool(p, "knex migrate:latest");
  p.commit("users and teams");

  auto [change, change_answer] = make("add_status_team_and_email_index",
                                      "  return knex.schema.alterTable('users', (t) => {\n    t.text('status').notNullable();\n"
                                      "    t.integer('team_id').references('id').inTable('teams');\n    t.index(['email']);\n  });",
                                      "  return knex.schema.alterTable('users', (t) => {\n    t.dropIndex(['email']);\n"
                                      "    t.dropColumn('team_id');\n    t.dropColumn('status');\n  });");
  INFO("PostToolUse Write " << change << " -> " << change_answer.raw);
  CHECK(change_answer.decision == "block");
  CHECK(contains(change_answer.reason, "[create-index-non-concurrent]"));
  CHECK(contains(change_answer.reason, "[add-column-not-null-no-default]"));
  auto [rename, rename_answer] = make("rename_email_and_widen_age",
                                      "  return knex.schema.alterTable('users', (t) => {\n    t.renameColumn('email', 'email_address');\n"
                                      "    t.bigInteger('age').alter();\n  });",
                                      "  return knex.schema.alterTable('users', (t) => {\n    t.integer('age').alter();\n"
                                      "    t.renameColumn('email_address', 'email');\n  });");
  INFO("PostToolUse Write " << rename << " -> " << rename_answer.raw);
  CHECK(contains(rename_answer.reason, "[rename-column]"));

  json findings = check_lint_finds_all(p, "migrations", "migrations/*.js", 3);
  check_understood(findings, true);
  INFO(findings.dump(2));
  CHECK(testing::rules_for(findings, base_name(initial)).count("parse-error") == 0);
  auto change_rules = testing::rules_for(findings, base_name(change));
  CHECK(change_rules.count("create-index-non-concurrent"));
  CHECK(change_rules.count("add-column-not-null-no-default"));
  auto rename_rules = testing::rules_for(findings, base_name(rename));
  CHECK(rename_rules.count("rename-column"));
  CHECK(rename_rules.count("alter-column-type"));
  check_applied(p, {base_name(initial)}, {base_name(change), base_name(rename)});
  auto pending = pre(before_bash(p, "npx knex migrate:latest"));
  INFO("PreToolUse Bash `npx knex migrate:latest` with the two pending migrations -> " << pending.raw);
  CHECK_FALSE(contains(pending.reason, "parse-error"));
  report_time("knex", started);
}
