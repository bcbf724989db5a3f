// History replay: one Schema carried from file to file gives each file the schema the files before
// it build, the same as replaying them for that file alone.
#include <catch2/catch.hpp>

#include "lint/linter.h"
#include "lint/parse.h"
#include "lint/schema.h"
#include "support/temp_project.h"

using namespace pgguard::lint;
using pgguard::testing::TempProject;

namespace {

void apply_sql(Schema& schema, const std::string& sql) {
  auto parsed = parse_migration(read_migration("/nonexistent/x.sql", sql, Tool::Plain), Comments::Skip);
  for (const auto& s : parsed->statements) {
    REQUIRE(s.parse_error.empty());
    schema.apply(s.node);
  }
}

// Everything a rule can ask the schema, written out.
std::string describe(const Schema& schema) {
  std::string out;
  for (const auto& [name, table] : schema.tables()) {
    out += "table " + name + (table.partitioned ? " partitioned" : "") + " of " + table.partition_of + ":";
    for (const auto& c : table.columns)
      out += " " + c.name + " " + describe_type(c) + (c.not_null ? " not null" : "") + (c.has_default ? " default" : "");
    for (const auto& c : table.constraints) out += " [" + std::string(1, c.kind) + " " + c.name + (c.validated ? "" : " not valid") + "]";
    out += " key " + schema.row_key(name) + (schema.has_leading_index(name, {"a"}) ? " a-indexed" : "") + "\n";
  }
  for (const char* index : {"ia", "ib", "ic", "ia2"})
    if (const Index* i = schema.index(index)) out += std::string("index ") + index + " on " + i->table + "\n";
  for (const char* type : {"mood", "color"})
    if (const auto* values = schema.enum_values(type)) out += std::string("enum ") + type + " " + std::to_string(values->size()) + "\n";
  return out;
}

// Findings but the conventions a run reports once rather than once per file.
std::vector<std::string> messages(const LintResult& result) {
  std::vector<std::string> out;
  for (const auto& f : result.findings)
    if (rule_info(f.rule)->convention_stated_by.empty()) out.push_back(f.rule + " " + std::to_string(f.line) + " " + f.message);
  return out;
}

}  // namespace

TEST_CASE("lint schema: rolling back to a checkpoint restores tables, indexes and enums", "[lint]") {
  Schema schema;
  apply_sql(schema, "CREATE TABLE t (a int PRIMARY KEY, b varchar(5)); CREATE INDEX ia ON t (a); CREATE TYPE mood AS ENUM ('ok');"
                    "CREATE TABLE gone (a int);");
  const std::string before = describe(schema);
  size_t outer = schema.checkpoint();
  apply_sql(schema, "ALTER TABLE t ALTER COLUMN b TYPE text; ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0;"
                    "ALTER TYPE mood ADD VALUE 'sad'; CREATE TYPE color AS ENUM ('red'); DROP TABLE gone;");
  const std::string middle = describe(schema);
  CHECK(middle != before);
  size_t inner = schema.checkpoint();
  apply_sql(schema, "ALTER INDEX ia RENAME TO ia2; ALTER TABLE t RENAME TO u; CREATE INDEX ib ON u (b);"
                    "ALTER TABLE u RENAME COLUMN c TO d; DROP TYPE mood; ALTER TABLE u ADD CONSTRAINT ck CHECK (d > 0) NOT VALID;");
  CHECK(describe(schema) != middle);
  schema.roll_back(inner);
  CHECK(describe(schema) == middle);
  apply_sql(schema, "CREATE INDEX ic ON t (b); ALTER TABLE t DROP COLUMN b;");
  schema.roll_back(outer);
  CHECK(describe(schema) == before);
}

TEST_CASE("lint schema: changes kept at an inner checkpoint are still undone by the outer one", "[lint]") {
  Schema schema;
  apply_sql(schema, "CREATE TABLE t (a int);");
  const std::string before = describe(schema);
  size_t outer = schema.checkpoint();
  size_t inner = schema.checkpoint();
  apply_sql(schema, "ALTER TABLE t ADD COLUMN b int; CREATE INDEX ia ON t (a);");
  schema.keep(inner);
  apply_sql(schema, "ALTER TABLE t ADD COLUMN c int; DROP INDEX ia;");
  schema.roll_back(outer);
  CHECK(describe(schema) == before);
}

TEST_CASE("lint history: a run over a whole history finds what linting each file alone finds", "[lint]") {
  TempProject project;
  // goose: downs in the same file, the next file sees only the ups (up after down included)
  project.write("goose/migrations/00001_a.sql",
                "-- +goose Up\nCREATE TABLE a (x varchar(10));\nCREATE TABLE b (y varchar(5));\n"
                "-- +goose Down\nDROP TABLE a;\nALTER TABLE b ALTER COLUMN y TYPE int;\n");
  project.write("goose/migrations/00002_b.sql",
                "-- +goose Up\nALTER TABLE a ALTER COLUMN x TYPE bigint;\nALTER TABLE b ALTER COLUMN y TYPE bigint;\n"
                "-- +goose Down\nALTER TABLE a ALTER COLUMN x TYPE varchar(10);\n");
  project.write("goose/migrations/00003_c.sql", "-- +goose Up\nALTER TABLE a ALTER COLUMN x TYPE text;\n");
  // golang-migrate: a down file changes nothing for the files after it
  project.write("gm/migrations/1_t.up.sql", "CREATE TABLE t (c varchar(3));\n");
  project.write("gm/migrations/1_t.down.sql", "DROP TABLE t;\n");
  project.write("gm/migrations/2_u.up.sql", "ALTER TABLE t ALTER COLUMN c TYPE int;\n");
  project.write("gm/migrations/2_u.down.sql", "ALTER TABLE t ALTER COLUMN c TYPE varchar(3);\n");
  project.write("gm/migrations/3_v.up.sql", "ALTER TABLE t ALTER COLUMN c TYPE bigint;\n");

  LintOptions options;
  options.enable.insert("alter-column-type");
  std::vector<std::string> files;
  for (const char* f : {"goose/migrations/00001_a.sql", "goose/migrations/00002_b.sql", "goose/migrations/00003_c.sql",
                        "gm/migrations/1_t.up.sql", "gm/migrations/1_t.down.sql", "gm/migrations/2_u.up.sql",
                        "gm/migrations/2_u.down.sql", "gm/migrations/3_v.up.sql"})
    files.push_back(project.path(f));
  std::vector<LintResult> together = lint_files(files, options);
  REQUIRE(together.size() == files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    INFO(files[i]);
    CHECK(messages(together[i]) == messages(lint_path(files[i], options)));
  }
  for (unsigned jobs : {1u, 2u, 5u}) {  // files parsed on other threads: the same findings in the same order
    LintOptions threaded = options;
    threaded.jobs = jobs;
    std::vector<LintResult> again = lint_files(files, threaded);
    REQUIRE(again.size() == files.size());
    for (size_t i = 0; i < files.size(); ++i) CHECK(messages(again[i]) == messages(together[i]));
  }
  auto said = [&](size_t file, const std::string& text) {
    for (const auto& m : messages(together[file]))
      if (m.find(text) != std::string::npos) return true;
    return false;
  };
  CHECK(said(1, "x TYPE int8 (from varchar(10))"));  // the down's DROP TABLE a did not carry forward
  CHECK(said(1, "y TYPE int8 (from varchar(5))"));
  CHECK(said(2, "(from int8)"));
  CHECK(said(5, "(from varchar(3))"));  // 1_t.down.sql dropped nothing for 2_u
  CHECK(said(7, "(from int4)"));        // nor 2_u.down.sql for 3_v
}

TEST_CASE("lint schema: written out and read back it answers the same", "[lint]") {
  Schema schema;
  apply_sql(schema, "CREATE TABLE t (a int PRIMARY KEY, b varchar(5)[] NOT NULL DEFAULT '{}', c numeric(10,2));"
                    "CREATE TABLE p (a int) PARTITION BY RANGE (a); CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (1) TO (9);"
                    "CREATE UNIQUE INDEX ia ON t (a, b); ALTER TABLE t ADD CONSTRAINT ck CHECK (c IS NOT NULL) NOT VALID;"
                    "CREATE TYPE mood AS ENUM ('ok', 'sad');");
  std::string bytes = schema.serialize();
  auto back = Schema::deserialize(bytes);
  REQUIRE(back);
  CHECK(describe(*back) == describe(schema));
  CHECK(back->serialize() == bytes);
  // Cut short, with a byte too many, or with a count larger than what follows: not a schema.
  for (size_t cut : {size_t(0), size_t(3), bytes.size() / 2, bytes.size() - 1}) CHECK_FALSE(Schema::deserialize(bytes.substr(0, cut)));
  CHECK_FALSE(Schema::deserialize(bytes + '\0'));
  CHECK_FALSE(Schema::deserialize(std::string("\xff\xff\xff\x7f", 4) + bytes.substr(4)));
  CHECK(Schema::deserialize(Schema().serialize()));
}
