// End to end with the real migration tools from npm: each tool generates migrations the way a user
// or an agent runs it, the hooks get the payloads of the agent's tool calls, `pgguard lint` and
// `pgguard migrations` read the project, and the tool applies migrations to a throwaway server.
// Skipped with the reason printed when npm or its registry is unavailable. The npm install is kept
// under ~/.cache/pgguard-tests (see support/node_tools.h); run alone with `pgguard_tests "[npm]"`.
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
  CHECK(view.is_object());
  if (!view.is_object()) return;
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

// Prints how long a tool's test took, however it ends.
struct ToolTimer {
  std::string name;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  ~ToolTimer() { std::cerr << name << " took " << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s\n"; }
};

// Prints why the tools cannot run and returns true when so: such a run tests nothing, and says it.
bool tools_unavailable() {
  if (node_tools().unavailable.empty()) return false;
  WARN("real migration tools skipped: " << node_tools().unavailable);
  return true;
}

ToolProject tool_project(const std::string& database) { return ToolProject(node_tools().modules, cluster().directory(), database); }

// A tool whose generator writes an empty migration that the user fills in: knex, node-pg-migrate,
// sequelize-cli, typeorm. Three migrations: the first tables (applied by the tool when it can),
// then a NOT NULL column, a foreign key and an index, then a rename and a wider type.
struct TemplateTool {
  std::string name, database;
  std::map<std::string, std::string> files;  // package.json and the tool's config
  std::string make;                          // the generator, with NAME for the migration's name
  std::string folder, suffix;                // where it writes, and how the file names end
  std::string up_signature, down_signature;
  std::string migrate;   // the command an agent runs to apply, without npx
  bool applies = true;   // whether this test applies the first migration with the tool
  bool transactional = true;
  struct Body {
    std::string name, up, down;
  };
  Body initial, change, rename;
};

void check_template_tool(const TemplateTool& t) {
  ToolTimer timer{t.name};
  ToolProject p = tool_project(t.database);
  for (const auto& [file, text] : t.files) p.write(file, text);
  p.commit("project");
  auto make = [&](const TemplateTool::Body& body) {
    std::string command = std::regex_replace(t.make, std::regex("NAME"), body.name);
    auto generated = tool(p, command);
    auto answer = post(after_bash(p, "npx " + command, generated));
    INFO("PostToolUse Bash `npx " << command << "` of an empty migration -> " << answer.raw);
    CHECK(answer.decision.empty());
    std::vector<std::string> made;
    for (const auto& f : p.files(t.folder, t.suffix))
      if (contains(base_name(f), body.name)) made.push_back(f);
    REQUIRE(made.size() == 1);
    std::string text = testing::replace_function_body(p.read(made[0]), t.up_signature, body.up);
    text = testing::replace_function_body(text, t.down_signature, body.down);
    auto written = agent_writes(p, made[0], text);
    return std::make_pair(made[0], written);
  };
  auto [initial, initial_answer] = make(t.initial);
  {
    INFO("PostToolUse Write " << initial << " -> " << initial_answer.raw);
    CHECK_FALSE(contains(initial_answer.reason, "parse-error"));
  }
  check_migrate_allowed(p, "npx " + t.migrate);
  if (t.applies) tool(p, t.migrate);
  p.commit("users and teams");

  auto [change, change_answer] = make(t.change);
  {
    INFO("PostToolUse Write " << change << " -> " << change_answer.raw);
    CHECK(change_answer.decision == "block");
    CHECK(contains(change_answer.reason, "[create-index-non-concurrent]"));
    CHECK(contains(change_answer.reason, "[add-column-not-null-no-default]"));
  }
  auto [rename, rename_answer] = make(t.rename);
  {
    INFO("PostToolUse Write " << rename << " -> " << rename_answer.raw);
    CHECK(contains(rename_answer.reason, "[rename-column]"));
  }

  json findings = check_lint_finds_all(p, t.folder, t.folder + "/*" + t.suffix, 3);
  check_understood(findings, t.transactional);
  INFO(findings.dump(2));
  auto change_rules = testing::rules_for(findings, base_name(change));
  CHECK(change_rules.count("create-index-non-concurrent"));
  CHECK(change_rules.count("add-column-not-null-no-default"));
  auto rename_rules = testing::rules_for(findings, base_name(rename));
  CHECK(rename_rules.count("rename-column"));
  CHECK(rename_rules.count("alter-column-type"));
  if (t.applies) check_applied(p, {base_name(initial)}, {base_name(change), base_name(rename)});
  auto pending = pre(before_bash(p, "npx " + t.migrate));
  INFO("PreToolUse Bash `npx " << t.migrate << "` with two pending migrations -> " << pending.raw);
  CHECK_FALSE(contains(pending.reason, "parse-error"));
}

}  // namespace

TEST_CASE("knex: migrate:make files with a user's bodies, the hooks, lint and the applied state", "[e2e][npm]") {
  if (tools_unavailable()) return;
  TemplateTool knex{
      .name = "knex",
      .database = "knex_app",
      .files = {{"package.json", R"({"name": "knex-app", "private": true, "dependencies": {"knex": "*", "pg": "*"}})"},
                {"knexfile.js", "module.exports = {\n  client: 'pg',\n  connection: process.env.DATABASE_URL,\n"
                                "  migrations: { directory: './migrations' },\n};\n"}},
      .make = "knex migrate:make NAME",
      .folder = "migrations",
      .suffix = ".js",
      .up_signature = "exports.up = function(knex) {",
      .down_signature = "exports.down = function(knex) {",
      .migrate = "knex migrate:latest",
      .initial = {"create_users",
                  "  return knex.schema\n"
                  "    .createTable('teams', (t) => {\n      t.increments('id');\n      t.text('name').notNullable();\n    })\n"
                  "    .createTable('users', (t) => {\n      t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));\n"
                  "      t.text('email').notNullable();\n      t.integer('age');\n    });",
                  "  return knex.schema.dropTable('users').dropTable('teams');"},
      .change = {"add_status_team_and_email_index",
                 "  return knex.schema.alterTable('users', (t) => {\n    t.text('status').notNullable();\n"
                 "    t.integer('team_id').references('id').inTable('teams');\n    t.index(['email']);\n  });",
                 "  return knex.schema.alterTable('users', (t) => {\n    t.dropIndex(['email']);\n"
                 "    t.dropColumn('team_id');\n    t.dropColumn('status');\n  });"},
      .rename = {"rename_email_and_widen_age",
                 "  return knex.schema.alterTable('users', (t) => {\n    t.renameColumn('email', 'email_address');\n"
                 "    t.bigInteger('age').alter();\n  });",
                 "  return knex.schema.alterTable('users', (t) => {\n    t.integer('age').alter();\n"
                 "    t.renameColumn('email_address', 'email');\n  });"}};
  check_template_tool(knex);
}

TEST_CASE("node-pg-migrate: created files with a user's bodies, the hooks, lint and the applied state", "[e2e][npm]") {
  if (tools_unavailable()) return;
  TemplateTool node_pg_migrate{
      .name = "node-pg-migrate",
      .database = "node_pg_migrate_app",
      .files = {{"package.json", R"({"name": "npm-app", "private": true, "dependencies": {"node-pg-migrate": "*", "pg": "*"}})"}},
      .make = "node-pg-migrate create NAME",
      .folder = "migrations",
      .suffix = ".js",
      .up_signature = "export const up = (pgm) => {",
      .down_signature = "export const down = (pgm) => {",
      .migrate = "node-pg-migrate up",
      .initial = {"create-users",
                  "  pgm.createTable('teams', { id: 'id', name: { type: 'text', notNull: true } });\n"
                  "  pgm.createTable('users', {\n    id: 'id',\n    email: { type: 'text', notNull: true },\n    age: 'integer',\n  });",
                  "  pgm.dropTable('users');\n  pgm.dropTable('teams');"},
      .change = {"add-status-team-and-email-index",
                 "  pgm.addColumn('users', { status: { type: 'text', notNull: true } });\n"
                 "  pgm.addColumn('users', { team_id: { type: 'integer', references: 'teams' } });\n"
                 "  pgm.createIndex('users', 'email');",
                 "  pgm.dropIndex('users', 'email');\n  pgm.dropColumn('users', ['team_id', 'status']);"},
      .rename = {"rename-email-and-widen-age",
                 "  pgm.renameColumn('users', 'email', 'email_address');\n  pgm.alterColumn('users', 'age', { type: 'bigint' });",
                 "  pgm.alterColumn('users', 'age', { type: 'integer' });\n  pgm.renameColumn('users', 'email_address', 'email');"}};
  check_template_tool(node_pg_migrate);
}

TEST_CASE("sequelize-cli: generated files with a user's bodies, the hooks, lint and the applied state", "[e2e][npm]") {
  if (tools_unavailable()) return;
  TemplateTool sequelize{
      .name = "sequelize-cli",
      .database = "sequelize_app",
      .files = {{"package.json",
                 R"({"name": "sequelize-app", "private": true, "dependencies": {"sequelize": "*", "sequelize-cli": "*", "pg": "*"}})"},
                {"config/config.json", json{{"development", {{"username", "postgres"}, {"password", nullptr}, {"database", "sequelize_app"},
                                                              {"host", cluster().directory()}, {"dialect", "postgres"}}}}
                                           .dump(2)}},
      .make = "sequelize-cli migration:generate --name NAME",
      .folder = "migrations",
      .suffix = ".js",
      .up_signature = "async up (queryInterface, Sequelize) {",
      .down_signature = "async down (queryInterface, Sequelize) {",
      .migrate = "sequelize-cli db:migrate",
      .transactional = false,  // each queryInterface call commits on its own
      .initial = {"create-users",
                  "    await queryInterface.createTable('teams', {\n"
                  "      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true },\n"
                  "      name: { type: Sequelize.TEXT, allowNull: false },\n    });\n"
                  "    await queryInterface.createTable('users', {\n"
                  "      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true },\n"
                  "      email: { type: Sequelize.TEXT, allowNull: false },\n      age: { type: Sequelize.INTEGER },\n    });",
                  "    await queryInterface.dropTable('users');\n    await queryInterface.dropTable('teams');"},
      .change = {"add-status-team-and-email-index",
                 "    await queryInterface.addColumn('users', 'status', { type: Sequelize.TEXT, allowNull: false });\n"
                 "    await queryInterface.addColumn('users', 'team_id', {\n      type: Sequelize.INTEGER,\n"
                 "      references: { model: 'teams', key: 'id' },\n    });\n"
                 "    await queryInterface.addIndex('users', ['email']);",
                 "    await queryInterface.removeIndex('users', ['email']);\n"
                 "    await queryInterface.removeColumn('users', 'team_id');\n    await queryInterface.removeColumn('users', 'status');"},
      .rename = {"rename-email-and-widen-age",
                 "    await queryInterface.renameColumn('users', 'email', 'email_address');\n"
                 "    await queryInterface.changeColumn('users', 'age', { type: Sequelize.BIGINT });",
                 "    await queryInterface.changeColumn('users', 'age', { type: Sequelize.INTEGER });\n"
                 "    await queryInterface.renameColumn('users', 'email_address', 'email');"}};
  check_template_tool(sequelize);
}

TEST_CASE("typeorm: created migrations with a user's queries, the hooks, lint and the applied state", "[e2e][npm]") {
  if (tools_unavailable()) return;
  TemplateTool typeorm{
      .name = "typeorm",
      .database = "typeorm_app",
      .files = {{"package.json", R"({"name": "typeorm-app", "private": true,)"
                                 R"( "dependencies": {"typeorm": "*", "pg": "*", "reflect-metadata": "*", "ts-node": "*", "typescript": "^5"}})"},
                {"tsconfig.json", R"({"compilerOptions": {"target": "ES2021", "module": "commonjs", "experimentalDecorators": true,)"
                                  R"( "emitDecoratorMetadata": true, "strict": true, "skipLibCheck": true}})"},
                {"src/data-source.ts", "import \"reflect-metadata\";\nimport { DataSource } from \"typeorm\";\n\n"
                                       "export const AppDataSource = new DataSource({\n  type: \"postgres\",\n"
                                       "  url: process.env.DATABASE_URL,\n  migrations: [\"src/migrations/*.ts\"],\n});\n"}},
      .make = "typeorm migration:create src/migrations/NAME",
      .folder = "src/migrations",
      .suffix = ".ts",
      .up_signature = "public async up(queryRunner: QueryRunner): Promise<void> {",
      .down_signature = "public async down(queryRunner: QueryRunner): Promise<void> {",
      .migrate = "typeorm-ts-node-commonjs migration:run -d src/data-source.ts",
      // The queries as `typeorm migration:generate` writes them.
      .initial = {"CreateUsers",
                  "        await queryRunner.query(`CREATE TABLE \"teams\" (\"id\" SERIAL NOT NULL, \"name\" text NOT NULL, "
                  "CONSTRAINT \"PK_teams_id\" PRIMARY KEY (\"id\"))`);\n"
                  "        await queryRunner.query(`CREATE TABLE \"users\" (\"id\" SERIAL NOT NULL, \"email\" text NOT NULL, "
                  "\"age\" integer, CONSTRAINT \"PK_users_id\" PRIMARY KEY (\"id\"))`);",
                  "        await queryRunner.query(`DROP TABLE \"users\"`);\n        await queryRunner.query(`DROP TABLE \"teams\"`);"},
      .change = {"AddStatusTeamAndEmailIndex",
                 "        await queryRunner.query(`ALTER TABLE \"users\" ADD \"status\" text NOT NULL`);\n"
                 "        await queryRunner.query(`ALTER TABLE \"users\" ADD \"team_id\" integer`);\n"
                 "        await queryRunner.query(`CREATE INDEX \"IDX_users_email\" ON \"users\" (\"email\") `);\n"
                 "        await queryRunner.query(`ALTER TABLE \"users\" ADD CONSTRAINT \"FK_users_team_id\" FOREIGN KEY (\"team_id\") "
                 "REFERENCES \"teams\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION`);",
                 "        await queryRunner.query(`ALTER TABLE \"users\" DROP CONSTRAINT \"FK_users_team_id\"`);\n"
                 "        await queryRunner.query(`DROP INDEX \"public\".\"IDX_users_email\"`);\n"
                 "        await queryRunner.query(`ALTER TABLE \"users\" DROP COLUMN \"team_id\"`);\n"
                 "        await queryRunner.query(`ALTER TABLE \"users\" DROP COLUMN \"status\"`);"},
      .rename = {"RenameEmailAndWidenAge",
                 "        await queryRunner.query(`ALTER TABLE \"users\" RENAME COLUMN \"email\" TO \"email_address\"`);\n"
                 "        await queryRunner.query(`ALTER TABLE \"users\" ALTER COLUMN \"age\" TYPE bigint`);",
                 "        await queryRunner.query(`ALTER TABLE \"users\" ALTER COLUMN \"age\" TYPE integer`);\n"
                 "        await queryRunner.query(`ALTER TABLE \"users\" RENAME COLUMN \"email_address\" TO \"email\"`);"}};
  check_template_tool(typeorm);
}

TEST_CASE("drizzle-kit: generated migrations, the hooks, lint and the applied state", "[e2e][npm]") {
  if (tools_unavailable()) return;
  ToolTimer timer{"drizzle-kit"};
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
  auto changed_users = [&](const std::string& email_property, const std::string& email_column) {
    return schema_head + "export const users = pgTable(\"users\", {\n  id: serial(\"id\").primaryKey(),\n  " + email_property +
           ": text(\"" + email_column + "\").notNull(),\n  age: bigint(\"age\", { mode: \"number\" }),\n"
           "  status: text(\"status\").notNull(),\n  teamId: integer(\"team_id\").references(() => teams.id),\n"
           "}, (t) => [index(\"users_email_idx\").on(t." + email_property + ")]);\n";
  };
  p.write("src/db/schema.ts", changed_users("email", "email"));
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
    CHECK_FALSE(std::regex_search(answer.reason, std::regex(R"(fix: (CREATE|DROP) INDEX CONCURRENTLY)")));
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
  p.write("src/db/schema.ts", changed_users("emailAddress", "email_address"));
  p.run(
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
  for (const auto& f : findings) {
    INFO(f.dump(2));
    CHECK(f.value("fix", "").rfind("CREATE INDEX CONCURRENTLY", 0) == std::string::npos);
    CHECK(f.value("fix", "").rfind("DROP INDEX CONCURRENTLY", 0) == std::string::npos);
  }
  check_applied(p, {base_name(initial[0])}, {base_name(change), base_name(rename)});

  p.commit("status, team and email_address");
  auto answer = pre(before_edit(p, change, "CREATE INDEX", "CREATE INDEX IF NOT EXISTS"));
  INFO("PreToolUse Edit of the committed " << change << " -> " << answer.raw);
  CHECK(answer.decision == "deny");
  CHECK(contains(answer.reason, "[applied-migration-edit]"));
  CHECK(contains(answer.reason, "HEAD"));
  CHECK(contains(answer.reason, "commit"));
}
