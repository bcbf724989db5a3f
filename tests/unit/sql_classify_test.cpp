#include <catch2/catch.hpp>

#include "policy/config.h"
#include "sql/classify.h"

using namespace pgguard::sql;

namespace {

std::vector<Statement> run(const std::string& sql) {
  ClassifyOptions options;
  options.side_effect_functions = pgguard::builtin_policy().side_effect_functions;
  return classify(sql, options);
}

bool any_fact(const std::string& sql, FactKind kind) {
  for (const auto& s : run(sql))
    if (has_fact(s, kind)) return true;
  return false;
}

}  // namespace

TEST_CASE("statements are split with their lines", "[sql]") {
  auto statements = run("SELECT 1;\n\nDROP TABLE t;\n");
  REQUIRE(statements.size() == 2);
  CHECK(statements[1].line == 3);
  CHECK(has_fact(statements[1], FactKind::Destructive));
}

TEST_CASE("unbounded writes: no WHERE, constant-true WHERE, CTEs, RETURNING", "[sql]") {
  for (const char* sql : {"DELETE FROM t", "UPDATE t SET a = 1", "DELETE FROM t WHERE true", "DELETE FROM t WHERE 1=1",
                          "DELETE FROM t WHERE 'a'='a'", "DELETE FROM t WHERE x IS NOT NULL OR true", "DELETE FROM t WHERE id = id",
                          "DELETE FROM t WHERE NOT false", "DELETE FROM t WHERE 2 > 1", "DELETE FROM t RETURNING *",
                          "WITH d AS (DELETE FROM t RETURNING *) SELECT count(*) FROM d", "EXPLAIN ANALYZE DELETE FROM t",
                          "DELETE FROM t WHERE 't'::boolean"})
    CHECK(any_fact(sql, FactKind::UnboundedWrite));
}

TEST_CASE("bounded writes keep a real predicate", "[sql]") {
  for (const char* sql : {"DELETE FROM t WHERE id = 1", "UPDATE t SET a = 1 WHERE id IN (1, 2)", "DELETE FROM t WHERE 1=1 AND id = 5",
                          "INSERT INTO t VALUES (1)", "COPY t FROM STDIN"}) {
    CHECK(any_fact(sql, FactKind::BoundedWrite));
    CHECK_FALSE(any_fact(sql, FactKind::UnboundedWrite));
  }
  CHECK_FALSE(any_fact("EXPLAIN DELETE FROM t", FactKind::UnboundedWrite));
}

// The fact of an UPDATE or DELETE, for the words that say why it reaches every row.
std::string write_fact(const std::string& sql) {
  for (const auto& s : run(sql))
    for (const auto& f : s.facts)
      if (f.kind == FactKind::UnboundedWrite || f.kind == FactKind::BoundedWrite) return f.what;
  return "";
}

TEST_CASE("a WHERE that no column of the row can change reaches every row or none", "[sql]") {
  for (const char* sql : {"DELETE FROM t WHERE lower('A') = 'a'", "DELETE FROM t WHERE coalesce(NULL, 1) = 1",
                          "DELETE FROM t WHERE EXISTS (SELECT 1 FROM u)", "DELETE FROM t WHERE (SELECT count(*) FROM u) >= 0",
                          "DELETE FROM t WHERE id = 5 OR length('x') > 0", "DELETE FROM t USING u WHERE u.id = 5",
                          "UPDATE t SET a = 1 WHERE EXISTS (SELECT 1 FROM u WHERE u.id = 7)"})
    CHECK_THAT(write_fact(sql), Catch::Contains("reads no column of the row"));
  CHECK_THAT(write_fact("DELETE FROM t WHERE x IS NOT DISTINCT FROM x"), Catch::Contains("always true"));
  CHECK_THAT(write_fact("DELETE FROM t WHERE NOT (x <> x)"), Catch::Contains("always true"));
  for (const char* sql : {"DELETE FROM t WHERE id IN (SELECT id FROM t)", "DELETE FROM t x WHERE x.id = ANY (SELECT id FROM public.t)"})
    CHECK_THAT(write_fact(sql), Catch::Contains("looks a key up in the whole table"));
}

TEST_CASE("a WHERE bounded by the row stays bounded", "[sql]") {
  for (const char* sql : {"DELETE FROM t WHERE false", "DELETE FROM t WHERE 1 = 2", "DELETE FROM t WHERE lower(email) = 'a'",
                          "DELETE FROM t WHERE id IN (SELECT id FROM t WHERE gone)", "DELETE FROM t WHERE id IN (SELECT id FROM t LIMIT 5)",
                          "DELETE FROM t WHERE id IN (SELECT t_id FROM t)", "DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.id = t_id)",
                          "DELETE FROM t s WHERE EXISTS (SELECT 1 FROM u WHERE u.id = s.u_id)", "DELETE FROM t USING u WHERE u.id = t.u_id",
                          "DELETE FROM t WHERE id = 5 AND lower('a') = 'a'", "UPDATE t SET e = lower(e) WHERE e <> lower(e)"}) {
    CHECK(any_fact(sql, FactKind::BoundedWrite));
    CHECK_FALSE(any_fact(sql, FactKind::UnboundedWrite));
  }
}

TEST_CASE("function bodies and rule actions are judged when they are created, since they run later", "[sql]") {
  CHECK(any_fact("CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN TRUNCATE a; RETURN NULL; END $$", FactKind::Destructive));
  CHECK(any_fact("CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC DELETE FROM a; END", FactKind::UnboundedWrite));
  CHECK(any_fact("CREATE RULE r AS ON INSERT TO a DO ALSO DELETE FROM b", FactKind::UnboundedWrite));
  CHECK(any_fact("CREATE FUNCTION f() RETURNS trigger LANGUAGE plpython3u AS 'pass'", FactKind::Opaque));
  // NEW and OLD are known in a trigger function's body: no parse error, and a bound through them holds.
  for (const char* sql : {"CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END -- set $$",
                          "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM s WHERE uid = OLD.id; RETURN OLD; END; $$",
                          "CREATE RULE r AS ON DELETE TO a DO INSTEAD UPDATE a SET gone = true WHERE id = OLD.id"}) {
    CHECK_FALSE(any_fact(sql, FactKind::ParseError));
    CHECK_FALSE(any_fact(sql, FactKind::UnboundedWrite));
    CHECK(any_fact(sql, FactKind::SchemaChange));
  }
}

TEST_CASE("destructive statements", "[sql]") {
  for (const char* sql : {"DROP TABLE t", "DROP SCHEMA s", "DROP DATABASE d", "DROP OWNED BY r", "ALTER TABLE t DROP COLUMN c",
                          "ALTER TABLE t DROP c", "DROP TYPE mood CASCADE", "DROP EXTENSION x CASCADE", "TRUNCATE a, b",
                          "DROP SEQUENCE s", "DROP MATERIALIZED VIEW m"})
    CHECK(any_fact(sql, FactKind::Destructive));
}

TEST_CASE("a table created earlier in the same SQL is not destructive to drop", "[sql]") {
  auto statements = run("CREATE TEMP TABLE tmp (id int); DROP TABLE tmp;");
  REQUIRE(statements.size() == 2);
  CHECK_FALSE(has_fact(statements[1], FactKind::Destructive));
  CHECK(has_fact(statements[1], FactKind::SchemaChange));
}

TEST_CASE("schema changes, maintenance, shell escapes and side effects", "[sql]") {
  CHECK(any_fact("CREATE INDEX i ON t (a)", FactKind::SchemaChange));
  CHECK(any_fact("SELECT * INTO t2 FROM t", FactKind::SchemaChange));
  CHECK(any_fact("GRANT SELECT ON t TO r", FactKind::SchemaChange));
  CHECK(any_fact("VACUUM FULL t", FactKind::Maintenance));
  CHECK_FALSE(any_fact("VACUUM t", FactKind::Maintenance));
  CHECK(any_fact("COPY t TO PROGRAM 'gzip'", FactKind::ShellEscape));
  CHECK(any_fact("COPY t FROM '/etc/passwd'", FactKind::ShellEscape));
  CHECK(any_fact("SELECT pg_terminate_backend(pid) FROM pg_stat_activity", FactKind::SideEffect));
  CHECK(any_fact("SELECT 'DROP TABLE t'", FactKind::Read));
  CHECK_FALSE(any_fact("SELECT 'DROP TABLE t'", FactKind::Destructive));
}

TEST_CASE("DO blocks: statements, literal EXECUTE, dynamic EXECUTE, other languages", "[sql]") {
  CHECK(any_fact("DO $$ BEGIN DELETE FROM t; END $$", FactKind::UnboundedWrite));
  CHECK(any_fact("DO $$ BEGIN EXECUTE 'DROP TABLE x'; END $$", FactKind::Destructive));
  CHECK(any_fact("DO $$ BEGIN EXECUTE format('DROP TABLE %I', 'x'); END $$", FactKind::Opaque));
  CHECK(any_fact("DO $$ BEGIN PERFORM pg_terminate_backend(1); END $$", FactKind::SideEffect));
  CHECK(any_fact("DO LANGUAGE plpython3u $$ plpy.execute('DROP TABLE t') $$", FactKind::Opaque));
  CHECK_FALSE(any_fact("DO $$ BEGIN RAISE NOTICE 'hi'; END $$", FactKind::Destructive));
}

TEST_CASE("PL/pgSQL assignments run only their value as SQL", "[sql]") {
  CHECK_FALSE(any_fact("DO $$ DECLARE n int; BEGIN n := 1; n = 2; END $$", FactKind::ParseError));
  CHECK(any_fact("DO $$ DECLARE n int; BEGIN n := pg_terminate_backend(42); END $$", FactKind::SideEffect));
}

TEST_CASE("a short literal wait run once is a pause; long, repeated or computed waits are side effects", "[sql]") {
  auto waits = [](const std::string& sql) {
    ClassifyOptions options;
    options.side_effect_functions = pgguard::builtin_policy().side_effect_functions;
    options.short_wait_functions = pgguard::builtin_policy().short_waits.functions;
    options.max_wait_seconds = pgguard::builtin_policy().short_waits.max_seconds;
    for (const auto& s : classify(sql, options))
      if (has_fact(s, FactKind::SideEffect)) return true;
    return false;
  };
  for (const char* sql : {"SELECT pg_sleep(1)", "SELECT pg_sleep(0.5), now()", "SELECT pg_sleep_for('2 seconds')", "SELECT txid_current()",
                          "SELECT pg_sleep(2); SELECT pg_sleep(3)"})
    CHECK_FALSE(waits(sql));
  for (const char* sql : {"SELECT pg_sleep(3600)", "SELECT pg_sleep_for('1 hour')", "SELECT pg_sleep(1) FROM t", "SELECT pg_sleep(n) FROM t",
                          "SELECT (SELECT pg_sleep(1) FROM t LIMIT 1)", "SELECT pg_sleep(6); SELECT pg_sleep(6)", "SELECT pg_sleep(2 * 60)",
                          "DO $$ BEGIN FOR i IN 1..1000 LOOP PERFORM pg_sleep(1); END LOOP; END $$", "SELECT pg_sleep_until('tomorrow')"})
    CHECK(waits(sql));
}

TEST_CASE("parse errors name MySQL syntax", "[sql]") {
  auto statements = run("CREATE TABLE `t` (id int AUTO_INCREMENT) ENGINE=InnoDB;");
  REQUIRE_FALSE(statements.empty());
  REQUIRE(has_fact(statements[0], FactKind::ParseError));
  CHECK(statements[0].facts[0].what.find("backtick") != std::string::npos);
  CHECK(statements[0].facts[0].what.find("AUTO_INCREMENT") != std::string::npos);
}

TEST_CASE("a valid statement before a broken one is still seen", "[sql]") {
  auto statements = run("DROP TABLE t; this is not sql;");
  REQUIRE(statements.size() == 2);
  CHECK(has_fact(statements[0], FactKind::Destructive));
  CHECK(has_fact(statements[1], FactKind::ParseError));
}
