// Statement positions and the shared helpers lint rules build their messages and fixes from.
#include <catch2/catch.hpp>

#include <map>

#include "lint/linter.h"
#include "lint/parse.h"

using namespace pgguard::lint;

namespace {

constexpr char kPath[] = "/nonexistent/001_test.sql";  // no directory, so no history replay

std::unique_ptr<ParsedMigration> parse(const std::string& sql) { return parse_migration(read_migration(kPath, sql, Tool::Plain)); }

const Statement* find_statement(const ParsedMigration& parsed, const std::string& type) {
  for (const auto& s : parsed.statements)
    if (s.type == type) return &s;
  return nullptr;
}

int64_t check_location(const Statement& s) {
  int64_t location = -1;
  s.node.walk([&](const Node& node) {
    if (location < 0 && node["Constraint"].str("contype") == "CONSTR_CHECK") location = node["Constraint"].integer("location", -1);
  });
  return location;
}

// The CHECK constraint of the ALTER TABLE in `sql` is found where it is written.
void expect_check_found(const std::string& sql) {
  auto parsed = parse(sql);
  const Statement* alter = find_statement(*parsed, "AlterTableStmt");
  REQUIRE(alter);
  int64_t location = check_location(*alter);
  auto at = keyword_at(*alter, location, {"constraint", "check"});
  REQUIRE(at);
  CHECK(alter->text.substr(*at, 19) == "CONSTRAINT positive");
  CHECK(parenthesized_after(*alter, location, {"constraint"}) == "total > (0)");
  CHECK_FALSE(keyword_at(*alter, location, {"check"}));  // the location points at CONSTRAINT
  CHECK_FALSE(alter->text_index(-1));
  CHECK_FALSE(alter->text_index(static_cast<int64_t>(alter->text_location + alter->text.size())));
}

// CREATE TABLE statements filling at least `bytes`: a section the parser takes statement by statement.
std::string filler(size_t bytes) {
  std::string out;
  for (int i = 0; out.size() < bytes; ++i) out += "CREATE TABLE filler_" + std::to_string(i) + " (id bigint PRIMARY KEY, note text);\n";
  return out;
}

}  // namespace

TEST_CASE("lint parse: node locations map into the statement text however the section was parsed", "[lint]") {
  const std::string alter = "ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > (0))";
  SECTION("the whole section parses at once") { expect_check_found("-- orders\nCREATE TABLE orders (total int);\n\n  " + alter + ";\n"); }
  SECTION("a syntax error elsewhere makes the section parse statement by statement") {
    expect_check_found("SELEC broken;\nCREATE TABLE orders (total int);\n  /* next */ " + alter + ";\n");
  }
  SECTION("inside a DO block") { expect_check_found("DO $$\nBEGIN\n  CREATE TABLE orders (total int);\n    " + alter + ";\nEND $$;\n"); }
  SECTION("a large section parses statement by statement") { expect_check_found(filler(300 << 10) + "\n  " + alter + ";\n"); }
  SECTION("a large section with a syntax error") { expect_check_found(filler(300 << 10) + "SELEC broken;\n  " + alter + ";\n"); }
}

TEST_CASE("lint parse: a large section gives the statements it gives parsed whole, a BEGIN ATOMIC body included", "[lint]") {
  auto statements = [](const ParsedMigration& parsed, size_t skip) {  // what rules see of each statement, after `skip`
    std::vector<std::string> out;
    for (size_t i = skip; i < parsed.statements.size(); ++i) {
      const Statement& s = parsed.statements[i];
      int64_t check = check_location(s);
      out.push_back(std::string(s.type) + "|" + s.text + "|" + s.parse_error.substr(0, s.parse_error.find(" at line")) + "|" +
                    (check < 0 ? "" : parenthesized_after(s, check, {"constraint"})));
    }
    return out;
  };
  const std::string head = filler(300 << 10);
  const size_t head_statements = parse(head)->statements.size();
  REQUIRE(head_statements > 1000);
  const std::string alter = "ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > (0));\n";

  SECTION("statements whose semicolons the scanner splits at: the section is parsed whole") {
    const std::string tail = "CREATE FUNCTION one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;\n"
                             "CREATE TABLE orders (total int);\n"
                             "CREATE RULE r AS ON INSERT TO orders DO ALSO (NOTIFY a; NOTIFY b);\n" + alter;
    auto small = parse(tail);
    CHECK(statements(*small, 0).size() == 4);  // the function and the rule are one statement each
    CHECK(statements(*parse(head + tail), head_statements) == statements(*small, 0));
  }
  SECTION("a syntax error: the other statements are still read, the error where it is") {
    const std::string tail = "CREATE TABLE orders (total int);\nCREATE TABLE broken (a int,);\n" + alter;
    auto large = parse(head + tail);
    CHECK(statements(*large, head_statements) == statements(*parse(tail), 0));
    REQUIRE(large->statements.size() == head_statements + 3);
    const Statement& broken = large->statements[head_statements + 1];
    CHECK(broken.parse_error.find(" at line " + std::to_string(broken.line) + ", column 28") != std::string::npos);
    CHECK(large->statements.back().line == broken.line + 1);
  }
}

TEST_CASE("lint schema: names are truncated to 63 bytes as PostgreSQL stores them", "[lint]") {
  CHECK(truncate_identifier("orders_pkey") == "orders_pkey");
  CHECK(truncate_identifier(std::string(70, 'a')) == std::string(63, 'a'));
  CHECK(truncate_identifier(std::string(62, 'a') + "\xC3\xA9" + "b") == std::string(62, 'a'));  // never half of an é
}

TEST_CASE("lint: CREATE TABLE AS and MATERIALIZED VIEW make new tables and count as DDL", "[lint]") {
  LintOptions options;
  options.replay_history = false;
  options.enable = {"require-schema-qualified"};
  auto result = lint_text(kPath,
                          "CREATE TABLE staging AS SELECT 1 AS id;\n"
                          "TRUNCATE staging;\n"
                          "DROP TABLE staging;\n"
                          "CREATE MATERIALIZED VIEW totals AS SELECT 1 AS n;\n"
                          "REFRESH MATERIALIZED VIEW totals;\n",
                          options);
  bool qualified_fix = false;
  for (const auto& f : result.findings) {
    INFO(f.rule << " on line " << f.line << ": " << f.message);
    // Made in this file: empty and unused, so none of the lock or data-loss rules apply.
    CHECK((f.rule == "require-schema-qualified" || f.rule == "ddl-with-dml"));
    if (f.rule == "require-schema-qualified" && f.line == 1) qualified_fix = f.fix == "CREATE TABLE public.staging AS SELECT 1 AS id;";
  }
  CHECK(qualified_fix);
}

TEST_CASE("lint: fixes that quote the statement are right after a syntax error elsewhere in the file", "[lint]") {
  LintOptions options;
  options.replay_history = false;
  options.enable = {"int-over-bigint", "require-schema-qualified"};
  auto result = lint_text(kPath, "SELEC broken;\nALTER TABLE \"Orders\" ADD COLUMN n int DEFAULT 0;\n", options);
  std::map<std::string, std::string> fixes;
  for (const auto& f : result.findings) fixes[f.rule] = f.fix;
  CHECK(fixes["int-over-bigint"] == "ALTER TABLE \"Orders\" ADD COLUMN n bigint DEFAULT 0;");
  CHECK(fixes["require-schema-qualified"] == "ALTER TABLE public.\"Orders\" ADD COLUMN n int DEFAULT 0;");
}

TEST_CASE("lint parse: only backticks and MySQL words in code earn a parse error the MySQL hint", "[lint]") {
  auto parse_error = [](const std::string& sql) {
    auto parsed = parse(sql);
    for (const auto& s : parsed->statements)
      if (!s.parse_error.empty()) return s.parse_error;
    return std::string();
  };
  CHECK(parse_error("CREATE TABLE `users` (id int);\n").find("MySQL syntax: backtick") != std::string::npos);
  CHECK(parse_error("CREATE TABLE t (id int) ENGINE=InnoDB;\n").find("MySQL syntax: ENGINE=") != std::string::npos);
  // Each statement fails for another reason (the trailing comma); the backticks and words are not code.
  for (const char* text : {"-- renamed from `order` (was a DATETIME column)\n", "/* see `docs` */", "note text DEFAULT 'a `quoted` ENGINE=x',",
                           "body text DEFAULT $$`$$,", "\"odd`name\" int,"}) {
    INFO(text);
    std::string error = parse_error("CREATE TABLE orders (id int, " + std::string(text) + ");\n");
    CHECK_FALSE(error.empty());
    CHECK(error.find("MySQL") == std::string::npos);
  }
  // An unterminated quote does not scan: the hint still looks at the whole text.
  CHECK(parse_error("INSERT INTO t VALUES ('it\\'s', `x`);\n").find("backtick") != std::string::npos);
}

TEST_CASE("lint parse: a large section parsed on several threads gives what one thread gives", "[lint]") {
  // Errors and DO blocks spread over every thread's share; the BEGIN ATOMIC body (split by the
  // scanner) last, so that the section is parsed whole after all.
  std::string sql;
  for (int i = 0; i < 9000; ++i) {
    if (i % 997 == 0) sql += "CREATE TABLE broken_" + std::to_string(i) + " (a int,);\n";
    else if (i % 501 == 0) sql += "DO $$ BEGIN ALTER TABLE t ADD COLUMN c_" + std::to_string(i) + " int; END $$;\n";
    else sql += "ALTER TABLE t" + std::to_string(i % 7) + " ADD COLUMN c_" + std::to_string(i) + " integer;\n";
  }
  auto each = [](const ParsedMigration& parsed) {
    std::vector<std::string> out;
    for (const Statement& s : parsed.statements)
      out.push_back(std::string(s.type) + "|" + s.text + "|" + std::to_string(s.line) + ":" + std::to_string(s.column) + "|" + s.parse_error + "|" +
                    (s.embedded ? "embedded" : ""));
    return out;
  };
  auto with_threads = [&](const std::string& text, unsigned threads) {
    return parse_migration(read_migration(kPath, text, Tool::Plain), Comments::Read, threads);
  };
  auto one = with_threads(sql, 1), three = with_threads(sql, 3);
  REQUIRE(one->statements.size() > 9000);  // the DO blocks' statements too
  CHECK(each(*three) == each(*one));
  for (size_t i = 0; i < one->statements.size(); ++i)
    if (one->statements[i].node) REQUIRE(three->statements[i].node.same_tree(one->statements[i].node, ""));

  const std::string atomic = "CREATE FUNCTION one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;\n";
  std::string valid;
  for (int i = 0; i < 9000; ++i) valid += "ALTER TABLE t ADD COLUMN c_" + std::to_string(i) + " integer;\n";
  CHECK(each(*with_threads(valid + atomic, 3)) == each(*with_threads(valid + atomic, 1)));
  CHECK(with_threads(valid + atomic, 3)->statements.size() == 9001);
  // First: the slices stop at its pieces, and the section is parsed whole.
  CHECK(each(*with_threads(atomic + valid, 3)) == each(*with_threads(atomic + valid, 1)));
  CHECK(with_threads(atomic + valid, 3)->statements.size() == 9001);
}
