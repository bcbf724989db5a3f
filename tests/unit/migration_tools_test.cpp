// The migration tool records at work: fixes each tool can run, histories in the tool's order, and
// the workflows of drizzle, Prisma and diesel projects without `pgguard init`.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "lint/linter.h"
#include "lint/tools.h"
#include "support/temp_project.h"
#include "util/environment.h"
#include "util/subprocess.h"
#include "util/text.h"

using namespace pgguard;
using namespace pgguard::lint;
using nlohmann::json;

namespace {

const std::string kSchema = "CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL);\n";

// A migration holding `sql` as `tool` writes one: its path and text.
std::pair<std::string, std::string> migration_for(Tool tool, const std::string& sql) {
  std::string js = "exports.up = async (knex) => {\n  await knex.raw(`" + sql + "`);\n};\n";
  switch (tool) {
    case Tool::Dbmate: return {"db/migrations/20240102000000_x.sql", "-- migrate:up\n" + sql + "\n-- migrate:down\nSELECT 1;\n"};
    case Tool::Goose: return {"migrations/00002_x.sql", "-- +goose Up\n" + sql + "\n-- +goose Down\nSELECT 1;\n"};
    case Tool::Liquibase: return {"changelog/002.sql", "--liquibase formatted sql\n--changeset a:2\n" + sql + "\n"};
    case Tool::NodePgMigrate: return {"migrations/1700000000002_x.js", "exports.up = (pgm) => {\n  pgm.sql(`" + sql + "`);\n};\n"};
    case Tool::Knex: return {"migrations/20240102000000_x.js", js};
    case Tool::Sequelize:
      return {"migrations/20240102000000-x.js", "module.exports = { async up(queryInterface) {\n  await queryInterface.sequelize.query(`" +
                                                    sql + "`);\n} };\n"};
    case Tool::TypeOrm:
      return {"src/migrations/1700000000002-X.ts",
              "export class X1700000000002 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n"
              "    await queryRunner.query(`" + sql + "`);\n  }\n}\n"};
    case Tool::Alembic: return {"alembic/versions/b2_x.py", "def upgrade():\n    op.execute(\"" + sql + "\")\n"};
    case Tool::Rails: return {"db/migrate/20240102000000_x.rb", "class X < ActiveRecord::Migration[7.1]\n  def up\n    execute <<~SQL\n      " + sql + "\n    SQL\n  end\nend\n"};
    case Tool::Ecto: return {"priv/repo/migrations/20240102000000_x.exs", "defmodule X do\n  def up do\n    execute \"" + sql + "\"\n  end\nend\n"};
    case Tool::Django:
      return {"app/migrations/0002_x.py", "from django.db import migrations\n\nclass Migration(migrations.Migration):\n    operations = [migrations.RunSQL(\"" +
                                             sql + "\")]\n"};
    case Tool::Prisma: return {"prisma/migrations/20240102000000_x/migration.sql", "SELECT 1;\n" + sql + "\n"};
    case Tool::GolangMigrate: return {"migrations/2_x.up.sql", "SELECT 1;\n" + sql + "\n"};
    case Tool::Diesel: return {"migrations/2024-01-02-000000_x/up.sql", sql + "\n"};
    case Tool::Sqitch: return {"deploy/x.sql", sql + "\n"};
    case Tool::Flyway: return {"db/migration/V2__x.sql", "SELECT 1;\n" + sql + "\n"};
    default: return {"migrations/0002_x.sql", sql + "\n"};
  }
}

ProcessResult run_git(const testing::TempProject& project, std::vector<std::string> args) {
  args.insert(args.begin(), {"-c", "user.email=t@t", "-c", "user.name=t"});
  return run_process("git", args, "", process_environment(), project.root);
}

std::string fix_of(const LintResult& result, const std::string& rule) {
  for (const auto& f : result.findings)
    if (f.rule == rule) return f.fix;
  return "";
}

}  // namespace

TEST_CASE("Every tool record loads, and its fix moves a statement out of that tool's transaction", "[lint][tools]") {
  REQUIRE(tool_records().size() >= 21);
  for (const auto& record : tool_records()) {
    INFO(record.name);
    // Patterns compile on first use: each is compiled here, so that a bad one fails this test.
    for (const auto* list : {&record.markers, &record.path_patterns, &record.content, &record.foreign_dialects, &record.transaction_markers,
                             &record.no_transaction_markers, &record.sql_sections, &record.no_transaction_names})
      for (const Pattern& pattern : *list) CHECK_NOTHROW(pattern.re());
    for (const auto& file : record.no_transaction_files) CHECK_NOTHROW(file.second.re());
    if (record.no_transaction_statements) CHECK_NOTHROW(record.no_transaction_statements->re());
    CHECK(record.no_transaction_fix.find("{statement}") != std::string::npos);
    std::string prefix = record.no_transaction_fix.substr(0, record.no_transaction_fix.find("{statement}"));
    LintOptions options;
    options.tool = record.tool;
    options.replay_history = false;
    testing::TempProject project;
    project.write("schema.sql", kSchema);
    options.schema_files.push_back(project.path("schema.sql"));
    for (const std::string& sql : {std::string("CREATE INDEX idx_orders_status ON orders (status);"),
                                   std::string("CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);")}) {
      auto [path, text] = migration_for(record.tool, sql);
      LintResult result = lint_text(project.path(path), text, options);
      std::string create = fix_of(result, "create-index-non-concurrent");
      std::string nested = fix_of(result, "concurrently-in-transaction");
      bool wrapped = record.transaction != TxMode::Autocommit;
      if (sql.find("CONCURRENTLY") == std::string::npos) {
        INFO(text << "\n" << create);
        REQUIRE_FALSE(create.empty());
        // In a wrapped migration the fix is the tool's way out; where the migration already runs
        // outside a transaction, the statement alone.
        CHECK(starts_with(create, wrapped ? prefix : "CREATE INDEX CONCURRENTLY"));
      } else if (wrapped) {
        INFO(text);
        CHECK(starts_with(nested, prefix));
      } else {
        CHECK(nested.empty());
      }
    }
  }
}

TEST_CASE("Opt-outs of the tool's transaction are honoured in every spelling", "[lint][tools]") {
  LintOptions options;
  options.replay_history = false;
  const std::string index = "CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"migrations/00002_x.sql", "-- +goose no transaction\n-- +goose up\n" + index},
      {"migrations/00003_x.sql", "-- +goose NO TRANSACTION\n-- +goose Up\n" + index},
      {"db/migrations/20240102000000_x.sql", "-- migrate:up transaction:false\n" + index + "-- migrate:down\nSELECT 1;\n"},
      {"migrations/1700000000002_x.js", "exports.up = (pgm) => {\n  pgm.noTransaction();\n  pgm.sql(`" + index + "`);\n};\n"},
      {"migrations/20240102000000_x.js", "exports.config = { transaction: false };\nexports.up = (knex) => knex.raw(`" + index + "`);\n"},
      {"db/migrate/20240102000000_x.rb", "class X < ActiveRecord::Migration[7.1]\n  disable_ddl_transaction!\n  def up\n    execute \"" +
                                             trim(index) + "\"\n  end\nend\n"},
      {"app/migrations/0002_x.py", "from django.db import migrations\n\nclass Migration(migrations.Migration):\n    atomic = False\n"
                                   "    operations = [migrations.RunSQL(\"" + trim(index) + "\")]\n"},
      {"migrations/20240102000000_x.sql", "-- no-transaction\n" + index},
  };
  testing::TempProject project;
  project.write("Cargo.toml", "[dependencies]\nsqlx = \"0.8\"\n");
  for (const auto& [path, text] : cases) {
    project.write(path, text);
    LintResult result = lint_path(project.path(path), options);
    INFO(path << " (" << tool_name(result.tool) << ")\n" << text);
    CHECK(fix_of(result, "concurrently-in-transaction").empty());
  }
}

TEST_CASE("Tools are detected from the project without pgguard init", "[lint][tools]") {
  testing::TempProject project;
  project.write("package.json", R"({"devDependencies": {"prisma": "5.0.0"}})");
  project.write("prisma/schema.prisma", "datasource db { provider = \"postgresql\" }\n");
  project.write("prisma/migrations/20240101000000_init/migration.sql", kSchema);
  // Two statements: Prisma sends them as one query, one implicit transaction.
  project.write("prisma/migrations/20240102000000_idx/migration.sql",
                "ALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);\n");
  project.write("migrations/2024-01-01-000000_users/up.sql", "CREATE TABLE users (id bigint PRIMARY KEY, name text);\n");
  project.write("migrations/2024-01-01-000000_users/down.sql", "DROP TABLE users;\n");
  project.write("migrations/2024-01-02-000000_name/up.sql", "ALTER TABLE users ALTER COLUMN name TYPE varchar(20);\n");
  project.write("migrations/2024-01-02-000000_name/down.sql", "ALTER TABLE users ALTER COLUMN name TYPE text;\n");
  auto r = run_process(PGGUARD_CLI, {"lint", "--format", "json"}, "", process_environment(), project.root);
  json report = json::parse(r.out);
  std::multiset<std::string> rules;
  for (const auto& f : report["findings"]) rules.insert(f["rule"].get<std::string>() + " " + f["file"].get<std::string>());
  INFO(r.out << r.err);
  CHECK(r.err.find("6 migration file(s) linted") != std::string::npos);
  CHECK(rules.count("concurrently-in-transaction prisma/migrations/20240102000000_idx/migration.sql") == 1);
  // diesel: the type of users.name is known from the earlier up.sql; its own down.sql is not history.
  CHECK(rules.count("alter-column-type migrations/2024-01-02-000000_name/up.sql") == 1);
  // a down migration may drop what its up created
  CHECK(rules.count("drop-table migrations/2024-01-01-000000_users/down.sql") == 0);

  auto listing = run_process(PGGUARD_CLI, {"migrations", "--format", "json"}, "", process_environment(), project.root);
  json list = json::parse(listing.out)["migrations"];
  REQUIRE(list.size() == 6);
  CHECK(list[0]["path"] == "migrations/2024-01-01-000000_users/up.sql");
  CHECK(list[0]["tool"] == "diesel");
  CHECK(list[1]["direction"] == "down");
  CHECK(list[4]["tool"] == "prisma");
  CHECK(list[4]["transaction"] == "implicit");
  CHECK(list[4]["recorded_as"] == "20240101000000_init");
}

TEST_CASE("lint paths: directories, globs and files; nothing found is an error", "[lint][tools]") {
  testing::TempProject project;
  project.write("drizzle/0000_init.sql", kSchema);
  project.write("drizzle/0001_idx.sql", "CREATE INDEX idx_orders_status ON orders (status);\n");
  project.write("drizzle/meta/_journal.json", R"({"entries": []})");
  project.write("sql/one.sql", "SELECT 1;\n");
  auto lint = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "lint");
    return run_process(PGGUARD_CLI, args, "", process_environment(), project.root);
  };
  CHECK(lint({"drizzle"}).err.find("2 migration file(s) linted") != std::string::npos);
  CHECK(lint({"drizzle/"}).err.find("2 migration file(s) linted") != std::string::npos);
  CHECK(lint({"drizzle/*.sql"}).err.find("2 migration file(s) linted") != std::string::npos);
  CHECK(lint({"./drizzle/0001*"}).err.find("1 migration file(s) linted") != std::string::npos);
  CHECK(lint({"sql"}).err.find("1 migration file(s) linted") != std::string::npos);  // a folder of plain SQL
  CHECK(lint({}).err.find("2 migration file(s) linted") != std::string::npos);
  auto none = lint({"drizzle/*.psql"});
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("drizzle/*.psql matches no file") != std::string::npos);
  project.write("empty/readme.txt", "nothing\n");
  auto empty = lint({"empty"});
  CHECK(empty.exit_code == 2);
  CHECK(empty.err.find("empty holds no migration") != std::string::npos);
  CHECK(lint({"missing.sql"}).exit_code == 2);
}

TEST_CASE("lint --changed lints what a branch adds, with the whole history replayed", "[lint][tools]") {
  testing::TempProject project;
  auto env = process_environment();
  auto git = [&](const std::vector<std::string>& args) { return run_git(project, args); };
  git({"init", "-q"});
  project.write("db/migrations/001_init.sql", kSchema + "CREATE INDEX idx_old ON orders (status);\n");
  git({"add", "-A"});
  git({"commit", "-qm", "init"});
  // Untouched history with a finding of its own; the new migration needs the history's types.
  project.write("db/migrations/002_type.sql", "ALTER TABLE orders ALTER COLUMN status TYPE varchar(20);\n");
  auto r = run_process(PGGUARD_CLI, {"lint", "--changed", "--base", "HEAD", "--format", "json"}, "", env, project.root);
  INFO(r.out << r.err);
  json findings = json::parse(r.out)["findings"];
  std::set<std::string> files, rules;
  for (const auto& f : findings) files.insert(f["file"]), rules.insert(f["rule"]);
  CHECK(files == std::set<std::string>{"db/migrations/002_type.sql"});
  CHECK(rules.count("alter-column-type"));
  CHECK(r.err.find("1 migration file(s) linted (added or changed of 2") != std::string::npos);
  auto no_upstream = run_process(PGGUARD_CLI, {"lint", "--changed"}, "", env, project.root);
  CHECK(no_upstream.exit_code == 2);
  CHECK(no_upstream.err.find("--base") != std::string::npos);
}

TEST_CASE("drizzle: a generated migration can be fixed until it is committed", "[lint][tools][hooks]") {
  testing::TempProject project;
  auto env = process_environment();
  auto git = [&](const std::vector<std::string>& args) { return run_git(project, args); };
  git({"init", "-q"});
  project.write("package.json", R"({"devDependencies": {"drizzle-kit": "0.31.0"}})");
  project.write("drizzle/0000_init.sql", kSchema);
  project.write("drizzle/meta/_journal.json", R"({"version":"7","dialect":"postgresql","entries":[{"idx":0,"when":1700000000000,"tag":"0000_init"}]})");
  git({"add", "-A"});
  git({"commit", "-qm", "init"});
  // drizzle-kit generate writes the migration and its journal entry at once.
  project.write("drizzle/0001_idx.sql", "CREATE INDEX \"idx_orders_status\" ON \"orders\" USING btree (\"status\");");
  project.write("drizzle/meta/_journal.json",
                R"({"version":"7","dialect":"postgresql","entries":[{"idx":0,"when":1700000000000,"tag":"0000_init"},{"idx":1,"when":1700000000001,"tag":"0001_idx"}]})");
  json post = {{"cwd", project.root}, {"hook_event_name", "PostToolUse"}, {"tool_name", "Bash"},
               {"tool_input", {{"command", "npx drizzle-kit generate"}}}, {"tool_response", {{"stdout", ""}}}, {"duration_ms", 900}};
  auto blocked = run_process(PGGUARD_POST_HOOK, {}, post.dump(), env);
  REQUIRE_FALSE(blocked.out.empty());
  std::string reason = json::parse(blocked.out)["reason"];
  INFO(reason);
  CHECK(reason.find("create-index-non-concurrent") != std::string::npos);
  CHECK(reason.find("drizzle-kit migrate runs all pending migrations in one transaction") != std::string::npos);
  json edit = {{"cwd", project.root}, {"hook_event_name", "PreToolUse"}, {"tool_name", "Edit"},
               {"tool_input", {{"file_path", project.path("drizzle/0001_idx.sql")}, {"old_string", "CREATE"}, {"new_string", "CREATE"}}}};
  CHECK(run_process(PGGUARD_PRE_HOOK, {}, edit.dump(), env).out.empty());
  git({"add", "-A"});
  git({"commit", "-qm", "index"});
  auto denied = run_process(PGGUARD_PRE_HOOK, {}, edit.dump(), env);
  REQUIRE_FALSE(denied.out.empty());
  std::string why = json::parse(denied.out)["hookSpecificOutput"]["permissionDecisionReason"];
  CHECK(why.find("[applied-migration-edit]") != std::string::npos);
  CHECK(why.find("committed at HEAD") != std::string::npos);
}

TEST_CASE("PostToolUse lints migrations written into folder-per-migration layouts", "[lint][tools][hooks]") {
  testing::TempProject project;
  project.write("diesel.toml", "[print_schema]\nfile = \"src/schema.rs\"\n");
  project.write("migrations/2024-01-01-000000_init/up.sql", kSchema);
  project.write("migrations/2024-01-01-000000_init/down.sql", "DROP TABLE orders;\n");
  project.write("drizzle/20240102000000_idx/migration.sql", "CREATE INDEX idx_orders_status ON orders (status);\n");
  for (const char* file : {"migrations/2024-01-02-000000_idx/up.sql", "drizzle/20240102000000_idx/migration.sql"}) {
    project.write(file, "CREATE INDEX idx_orders_status ON orders (status);\n");
    json payload = {{"cwd", project.root}, {"hook_event_name", "PostToolUse"}, {"tool_name", "Write"},
                    {"tool_input", {{"file_path", project.path(file)}, {"content", ""}}}};
    auto r = run_process(PGGUARD_POST_HOOK, {}, payload.dump(), process_environment());
    INFO(file << ": " << r.out);
    CHECK(r.out.find("create-index-non-concurrent") != std::string::npos);
  }
}

TEST_CASE("A pattern compiles when first used and says when RE2 rejects it", "[lint][tools]") {
  Pattern good("^V[0-9]+__");
  CHECK(RE2::PartialMatch("V12__add.sql", good.re()));
  CHECK(&good.re() == &good.re());  // compiled once
  Pattern bad("(unclosed");
  CHECK_THROWS_AS(bad.re(), std::runtime_error);
}

TEST_CASE("Content markers name a file's tool wherever they are, the first tool's marker winning", "[lint][tools]") {
  testing::TempProject project;  // a folder no layout or project file names: only the content can
  auto detect = [&](const std::string& text) { return lint::detect_tool(project.path("x.sql"), text); };
  CHECK(detect("SELECT 1;\n") == lint::Tool::Plain);
  CHECK(detect("-- migrate:up\nCREATE TABLE t (id int);\n") == lint::Tool::Dbmate);
  CHECK(detect("SELECT 1;\n  -- +GOOSE Up\n") == lint::Tool::Goose);
  CHECK(detect("CREATE TABLE t (id int);\n--> statement-breakpoint\nCREATE INDEX i ON t (id);\n") == lint::Tool::Drizzle);
  CHECK(detect(std::string(60000, '\n') + "-- Up Migration\n") == lint::Tool::NodePgMigrate);
  CHECK(detect(std::string(70000, '\n') + "-- migrate:up\n") == lint::Tool::Plain);  // only the first 64 KiB are read
  // Both dbmate's and goose's markers: dbmate's record comes first in config/migration_tools.json.
  CHECK(detect("-- +goose Up\n-- migrate:up\n") == lint::Tool::Dbmate);
}
