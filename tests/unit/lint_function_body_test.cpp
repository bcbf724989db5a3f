// Statements of function and procedure bodies run when called; DO blocks and the functions the
// migration itself calls run during it.
#include <catch2/catch.hpp>

#include "lint/linter.h"
#include "lint/parse.h"
#include "lint/rule.h"
#include "util/text.h"

using namespace pgguard;
using namespace pgguard::lint;

namespace {

std::unique_ptr<ParsedMigration> parse(const std::string& sql) {
  return parse_migration(read_migration("/nonexistent/001_test.sql", sql, Tool::Plain));
}

// The embedded statements of `type` in order, as (runs, routine).
std::vector<std::pair<Runs, std::string>> embedded(const ParsedMigration& parsed, const std::string& type) {
  std::vector<std::pair<Runs, std::string>> out;
  for (const auto& s : parsed.statements)
    if (s.embedded && s.type == type) out.emplace_back(s.runs, s.routine);
  return out;
}

// The findings `rule_id` reports on each statement of `type`, with the schema empty and the
// statement taken as the only one seen so far.
std::vector<RuleFinding> check(const ParsedMigration& parsed, const std::string& rule_id, const std::string& type) {
  const LintRule* rule = nullptr;
  for (const auto& r : lint_rules())
    if (r->id() == rule_id) rule = r.get();
  REQUIRE(rule);
  Schema schema;
  FileState state;
  Settings settings;
  std::vector<RuleFinding> out;
  for (const auto& s : parsed.statements) {
    if (s.type != type) continue;
    StatementContext context{parsed, s, parsed.file.sections[s.section], schema, state, settings, true};
    check_statement(*rule, rule_info(rule_id), context, out);
  }
  return out;
}

}  // namespace

TEST_CASE("lint parse: function and procedure bodies run when called, DO blocks during the migration", "[lint]") {
  auto parsed = parse(
      "CREATE FUNCTION purge() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM sessions; END $$;\n"
      "CREATE PROCEDURE reports.archive() LANGUAGE plpgsql AS $$ BEGIN DELETE FROM events; END $$;\n"
      "DO $$ BEGIN DELETE FROM carts; END $$;\n");
  auto deletes = embedded(*parsed, "DeleteStmt");
  REQUIRE(deletes.size() == 3);
  CHECK(deletes[0] == std::make_pair(Runs::WhenCalled, std::string("function purge()")));
  CHECK(deletes[1] == std::make_pair(Runs::WhenCalled, std::string("procedure reports.archive()")));
  CHECK(deletes[2] == std::make_pair(Runs::Migration, std::string()));
  // Look-ahead indexes hold only what the migration runs.
  CHECK(parsed->statements_on.count("carts"));
  CHECK_FALSE(parsed->statements_on.count("sessions"));
}

TEST_CASE("lint parse: a body the migration calls, directly or through other bodies, runs during it", "[lint]") {
  auto body = [](const std::string& name, const std::string& statements) {
    return "CREATE FUNCTION " + name + "() RETURNS void LANGUAGE plpgsql AS $$ BEGIN " + statements + " END $$;\n";
  };
  auto runs_of = [](const std::string& sql) {
    std::vector<Runs> runs;
    for (const auto& [when, routine] : embedded(*parse(sql), "IndexStmt")) runs.push_back(when);
    return runs;
  };
  std::string index = "CREATE INDEX ON orders (status);";
  CHECK(runs_of(body("f", index)) == std::vector<Runs>{Runs::WhenCalled});
  CHECK(runs_of(body("f", index) + "SELECT f();\n") == std::vector<Runs>{Runs::Migration});
  CHECK(runs_of(body("f", index) + "SELECT count(*) FROM orders WHERE f() IS NULL;\n") == std::vector<Runs>{Runs::Migration});
  CHECK(runs_of(body("f", index) + "DO $$ BEGIN PERFORM f(); END $$;\n") == std::vector<Runs>{Runs::Migration});
  CHECK(runs_of(body("f", index) + body("g", "PERFORM f();") + "CALL g();\n") == std::vector<Runs>{Runs::Migration});
  // Calling another function, or only defining the caller, runs nothing.
  CHECK(runs_of(body("f", index) + body("g", "PERFORM f();") + "SELECT h();\n") == std::vector<Runs>{Runs::WhenCalled});
}

TEST_CASE("lint rules: a function body reaches only the rules about what it does when it runs", "[lint]") {
  auto parsed = parse(
      "CREATE FUNCTION reset_users() RETURNS void LANGUAGE plpgsql AS $$\n"
      "BEGIN\n"
      "  DELETE FROM users;\n"
      "  CREATE INDEX idx_users_email ON users (email);\n"
      "  CREATE TEMP TABLE scratch (id int);\n"
      "  TRUNCATE scratch;\n"
      "END $$;\n"
      "DO $$ BEGIN CREATE INDEX idx_users_name ON users (name); END $$;\n");
  auto deletes = check(*parsed, "mutation-without-where", "DeleteStmt");
  REQUIRE(deletes.size() == 1);
  CHECK(starts_with(deletes[0].message, "When function reset_users() runs (not during the migration): DELETE without WHERE"));
  CHECK(deletes[0].fix.find("call the function until it changes 0 rows") != std::string::npos);
  // Lock rules are the migration's: the DO block's index is reported, the function's is not.
  auto indexes = check(*parsed, "create-index-non-concurrent", "IndexStmt");
  REQUIRE(indexes.size() == 1);
  CHECK(indexes[0].message.find("idx_users_name") != std::string::npos);
  // A table the body creates is new to the rest of the body.
  CHECK(check(*parsed, "truncate-table", "TruncateStmt").empty());
}
