// The linter's lock/rewrite/scan model (config/lock_facts.json, read through statement_forms)
// checked against a real PostgreSQL server: each statement form runs on a throwaway cluster and
// the strongest lock observed on each relation, whether it was rewritten and whether it was
// scanned must equal the model. A disagreement names the statement.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <map>
#include <set>

#include "lint/forms.h"
#include "lint/lock_facts.h"
#include "lint/parse.h"
#include "lint/schema.h"
#include "lint/token_forms.h"
#include "server/cluster.h"
#include "server/trace.h"
#include "support/servers.h"

namespace {

using namespace pgguard;

constexpr const char* kBase =
    "CREATE TABLE parent (id bigint PRIMARY KEY, code text UNIQUE);"
    "CREATE TABLE t (id bigint PRIMARY KEY, parent_id bigint, name varchar(20), amount numeric(10,2), n int, note text,"
    "  ts timestamp, flag boolean);"
    "CREATE INDEX t_n_idx ON t (n);"
    "CREATE TABLE e (id int NOT NULL, v text);"
    "CREATE FUNCTION trg_fn() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
    "CREATE TYPE mood AS ENUM ('sad', 'ok');"
    "CREATE TABLE m (id int, mood mood);"
    "CREATE TABLE p (id int, created date) PARTITION BY RANGE (created);"
    "CREATE TABLE p1 PARTITION OF p FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"
    "CREATE TABLE p2 (id int, created date);"
    "CREATE MATERIALIZED VIEW mv AS SELECT code, count(*) AS c FROM parent GROUP BY code;"
    "CREATE UNIQUE INDEX mv_code ON mv (code);";
constexpr const char* kRows =
    "INSERT INTO parent SELECT g, 'c' || g FROM generate_series(1, 200) g;"
    "INSERT INTO t SELECT g, g, 'n' || g, g, g, 'x', '2024-01-01', true FROM generate_series(1, 200) g;"
    "INSERT INTO e SELECT g, 'v' FROM generate_series(1, 200) g;"
    "INSERT INTO m SELECT g, 'ok' FROM generate_series(1, 200) g;"
    "INSERT INTO p SELECT g, date '2024-03-01' FROM generate_series(1, 200) g;"
    "INSERT INTO p2 SELECT g, date '2025-03-01' FROM generate_series(1, 200) g;"
    "REFRESH MATERIALIZED VIEW mv; ANALYZE;";

struct Form {
  const char* statement;
  const char* setup = "";  // after the base schema and rows
  int since = 0;           // the first major with this syntax (the parser reads it by its tokens)
};

const std::vector<Form>& forms() {
  static const std::vector<Form> all = {
      // indexes
      {"CREATE INDEX t_note_idx ON t (note)"},
      {"CREATE UNIQUE INDEX t_id_n ON t (id, n)"},
      {"CREATE INDEX t_partial ON t (n) WHERE flag"},
      {"CREATE INDEX t_lower ON t (lower(note))"},
      {"CREATE INDEX CONCURRENTLY t_note_idx ON t (note)"},
      {"CREATE UNIQUE INDEX CONCURRENTLY t_id_n ON t (id, n)"},
      {"DROP INDEX t_n_idx"},
      {"DROP INDEX CONCURRENTLY t_n_idx"},
      {"REINDEX INDEX t_n_idx"},
      {"REINDEX TABLE t"},
      {"REINDEX INDEX CONCURRENTLY t_n_idx"},
      {"REINDEX TABLE CONCURRENTLY t"},
      // ADD COLUMN
      {"ALTER TABLE t ADD COLUMN c text"},
      {"ALTER TABLE t ADD COLUMN c text DEFAULT 'x'"},
      {"ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0"},
      {"ALTER TABLE t ADD COLUMN c timestamptz DEFAULT now()"},
      {"ALTER TABLE t ADD COLUMN c uuid DEFAULT gen_random_uuid()"},
      {"ALTER TABLE t ADD COLUMN c double precision DEFAULT random()"},
      {"ALTER TABLE t ADD COLUMN c timestamptz DEFAULT clock_timestamp()"},
      {"ALTER TABLE t ADD COLUMN c bigserial"},
      {"ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (n * 2) STORED"},
      {"ALTER TABLE t ADD COLUMN c bigint GENERATED ALWAYS AS IDENTITY"},
      {"ALTER TABLE e ADD COLUMN c text NOT NULL", "DELETE FROM e"},
      {"ALTER TABLE t ADD COLUMN c bigint REFERENCES parent (id)"},
      // constraints
      {"ALTER TABLE t ADD CONSTRAINT t_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id)"},
      {"ALTER TABLE t ADD CONSTRAINT t_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID"},
      {"ALTER TABLE t VALIDATE CONSTRAINT t_parent_fk",
       "ALTER TABLE t ADD CONSTRAINT t_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID"},
      {"ALTER TABLE t ADD CONSTRAINT t_n_check CHECK (n > 0)"},
      {"ALTER TABLE t ADD CONSTRAINT t_n_check CHECK (n > 0) NOT VALID"},
      {"ALTER TABLE t VALIDATE CONSTRAINT t_n_check", "ALTER TABLE t ADD CONSTRAINT t_n_check CHECK (n > 0) NOT VALID"},
      {"ALTER TABLE t ADD CONSTRAINT t_note_nn CHECK (note IS NOT NULL) NOT VALID"},
      {"ALTER TABLE t ALTER COLUMN note SET NOT NULL"},
      {"ALTER TABLE t ALTER COLUMN note SET NOT NULL", "ALTER TABLE t ADD CONSTRAINT t_note_nn CHECK (note IS NOT NULL)"},
      {"ALTER TABLE t ALTER COLUMN n DROP NOT NULL", "ALTER TABLE t ALTER COLUMN n SET NOT NULL"},
      {"ALTER TABLE t ADD CONSTRAINT t_n_key UNIQUE (n)"},
      {"ALTER TABLE t ADD CONSTRAINT t_n_key UNIQUE USING INDEX t_n_uidx", "CREATE UNIQUE INDEX t_n_uidx ON t (n)"},
      {"ALTER TABLE e ADD PRIMARY KEY (id)"},
      {"ALTER TABLE e ADD CONSTRAINT e_pkey PRIMARY KEY USING INDEX e_id_uidx", "CREATE UNIQUE INDEX e_id_uidx ON e (id)"},
      {"ALTER TABLE t ADD CONSTRAINT t_n_excl EXCLUDE USING btree (n WITH =)"},
      {"ALTER TABLE t DROP CONSTRAINT t_n_check", "ALTER TABLE t ADD CONSTRAINT t_n_check CHECK (n > 0)"},
      {"ALTER TABLE t DROP CONSTRAINT t_parent_fk",
       "ALTER TABLE t ADD CONSTRAINT t_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id)"},
      {"ALTER TABLE t DROP CONSTRAINT t_n_key", "ALTER TABLE t ADD CONSTRAINT t_n_key UNIQUE (n)"},
      {"ALTER TABLE t DROP CONSTRAINT t_pkey"},
      // ALTER COLUMN TYPE, by change class
      {"ALTER TABLE t ALTER COLUMN n TYPE bigint"},
      {"ALTER TABLE t ALTER COLUMN n TYPE text"},
      {"ALTER TABLE t ALTER COLUMN n TYPE int USING n + 1"},
      {"ALTER TABLE t ALTER COLUMN name TYPE varchar(200)"},
      {"ALTER TABLE t ALTER COLUMN name TYPE varchar"},
      {"ALTER TABLE t ALTER COLUMN name TYPE text"},
      {"ALTER TABLE t ALTER COLUMN name TYPE varchar(10)"},
      {"ALTER TABLE t ALTER COLUMN note TYPE varchar"},
      {"ALTER TABLE t ALTER COLUMN note TYPE varchar(100)"},
      {"ALTER TABLE t ALTER COLUMN amount TYPE numeric(12,2)"},
      {"ALTER TABLE t ALTER COLUMN amount TYPE numeric(12,4)"},
      {"ALTER TABLE t ALTER COLUMN amount TYPE numeric(8,2)"},
      {"ALTER TABLE t ALTER COLUMN amount TYPE numeric"},
      {"ALTER TABLE t ALTER COLUMN flag TYPE int USING flag::int"},
      // defaults, drops, renames
      {"ALTER TABLE t ALTER COLUMN note SET DEFAULT 'y'"},
      {"ALTER TABLE t ALTER COLUMN note DROP DEFAULT", "ALTER TABLE t ALTER COLUMN note SET DEFAULT 'y'"},
      {"ALTER TABLE t DROP COLUMN note"},
      {"ALTER TABLE t DROP COLUMN IF EXISTS note"},
      {"DROP TABLE e"},
      {"DROP TABLE t CASCADE"},
      {"TRUNCATE t"},
      {"TRUNCATE e, m"},
      {"ALTER TABLE t RENAME COLUMN note TO memo"},
      {"ALTER TABLE t RENAME TO t_renamed"},
      {"ALTER TABLE t RENAME CONSTRAINT t_pkey TO t_pk"},
      // partitions
      {"ALTER TABLE p ATTACH PARTITION p2 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"},
      {"ALTER TABLE p DETACH PARTITION p1"},
      {"ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY"},
      // materialized views
      {"REFRESH MATERIALIZED VIEW mv"},
      {"REFRESH MATERIALIZED VIEW CONCURRENTLY mv"},
      // maintenance and storage
      {"VACUUM FULL t"},
      {"CLUSTER t USING t_pkey"},
      {"ALTER TABLE t SET UNLOGGED"},
      {"ALTER TABLE t SET LOGGED", "ALTER TABLE t SET UNLOGGED"},
      {"ALTER TABLE t SET (fillfactor = 70)"},
      {"ALTER TABLE t SET (autovacuum_vacuum_scale_factor = 0.01)"},
      {"ALTER TABLE t RESET (fillfactor)"},
      {"LOCK TABLE t"},
      {"LOCK TABLE t IN ACCESS EXCLUSIVE MODE"},
      // triggers
      {"CREATE TRIGGER t_trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION trg_fn()"},
      {"CREATE OR REPLACE TRIGGER t_trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg_fn()"},
      {"DROP TRIGGER t_trg ON t", "CREATE TRIGGER t_trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION trg_fn()"},
      {"ALTER TABLE t DISABLE TRIGGER t_trg", "CREATE TRIGGER t_trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION trg_fn()"},
      {"ALTER TABLE t ENABLE TRIGGER ALL"},
      // enums
      {"ALTER TYPE mood ADD VALUE 'happy'"},
      {"ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok'"},
      {"ALTER TYPE mood RENAME VALUE 'ok' TO 'fine'"},
      // privileges
      {"GRANT SELECT ON t TO PUBLIC"},
      {"REVOKE SELECT ON t FROM PUBLIC", "GRANT SELECT ON t TO PUBLIC"},
      // statistics, clustering, index names
      {"ALTER TABLE t ALTER COLUMN note SET STATISTICS 200"},
      {"ALTER TABLE t CLUSTER ON t_pkey"},
      {"ALTER INDEX t_n_idx RENAME TO t_n_index"},
      {"ALTER TABLE t ALTER COLUMN note SET STORAGE EXTERNAL"},
      {"ALTER TABLE t REPLICA IDENTITY FULL"},
      {"ANALYZE t"},
      // row-level security
      {"CREATE POLICY t_all ON t USING (true)"},
      {"ALTER POLICY t_all ON t USING (n > 0)", "CREATE POLICY t_all ON t USING (true)"},
      {"DROP POLICY t_all ON t", "CREATE POLICY t_all ON t USING (true)"},
      {"ALTER TABLE t ENABLE ROW LEVEL SECURITY"},
      {"ALTER TABLE t DISABLE ROW LEVEL SECURITY", "ALTER TABLE t ENABLE ROW LEVEL SECURITY"},
      {"ALTER TABLE t FORCE ROW LEVEL SECURITY"},
      // comments
      {"COMMENT ON TABLE t IS 'orders'"},
      {"COMMENT ON COLUMN t.note IS 'free text'"},
      // data changes without a WHERE
      {"UPDATE t SET note = 'y'"},
      {"DELETE FROM t"},
      {"DELETE FROM e"},
      // syntax of majors newer than the parser's grammar
      {"ALTER TABLE t ALTER COLUMN c SET EXPRESSION AS (n * 3)", "ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (n * 2) STORED", 17},
      {"ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (n * 2)", "", 18},
      {"ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (n * 2) VIRTUAL", "", 18},
      {"ALTER TABLE t ADD CONSTRAINT t_note_nn NOT NULL note NOT VALID", "", 18},
      {"ALTER TABLE t VALIDATE CONSTRAINT t_note_nn", "ALTER TABLE t ADD CONSTRAINT t_note_nn NOT NULL note NOT VALID", 18},
      {"MERGE INTO t USING parent ON t.id = parent.id WHEN MATCHED THEN UPDATE SET n = 1 RETURNING t.id", "", 17},
  };
  return all;
}

// The model's forms for `statement` with the schema the base, rows and setup leave.
std::vector<lint::FormOnRelation> model_forms(const std::string& setup, const std::string& statement, int major) {
  std::string text = std::string(kBase) + "\n" + setup + ";\n" + statement + ";\n";
  auto parsed = lint::parse_migration(lint::read_migration("lock_model.sql", text));
  lint::Schema schema;
  const lint::Statement* last = nullptr;
  for (const auto& s : parsed->statements) {
    if (s.embedded) continue;
    if (last) schema.apply(last->node);
    last = &s;
  }
  REQUIRE(last);
  if (!last->parse_error.empty()) {  // newer syntax: the forms its tokens tell
    REQUIRE(major > lint::parser_major());
    return lint::read_tokens(last->text).forms;
  }
  return lint::statement_forms(last->node, schema, major);
}

// Runs every form on one server; returns the forms seen and, per disagreement with the model, a
// line naming the major, the form and the statement.
std::vector<std::string> check_major(int major, const std::string& bin_dir, std::set<std::string>& forms_seen) {
  server::ThrowawayCluster::Options options;
  options.major = major;
  options.bin_dir = bin_dir;
  auto cluster = server::ThrowawayCluster::start(options);
  server::Tracer tracer(cluster->conninfo());
  server::Connection& conn = tracer.connection();
  std::vector<std::string> disagreements;
  const std::string on = "PostgreSQL " + cluster->version() + ": ";
  for (const Form& form : forms()) {
    if (form.since > major) continue;
    std::string statement = std::string(form.statement) + (*form.setup ? std::string(" (after: ") + form.setup + ")" : "");
    conn.run("DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP TYPE IF EXISTS mood");
    conn.run(std::string(kBase) + kRows + form.setup);
    // index -> table, to attribute an index rebuild to its table
    std::map<std::string, std::string> index_table;
    for (const auto& row : conn.run("SELECT indexrelid::regclass::text, indrelid::regclass::text FROM pg_index i "
                                    "JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = 'public'::regnamespace")
                               .rows)
      index_table[row[0]] = row[1];
    server::TracedStatement traced;
    traced.sql = form.statement;
    traced = tracer.run(traced);
    if (!traced.error.empty()) {
      disagreements.push_back(on + statement + " failed: " + traced.error);
      continue;
    }
    auto model = model_forms(form.setup, form.statement, major);
    REQUIRE(!model.empty());
    for (const auto& f : model) {
      forms_seen.insert(f.form);
      const lint::LockFact& fact = lint::lock_fact(f.form, major);
      std::string observed_lock = "none";
      for (const auto& l : traced.locks)
        if (l.relation == f.relation) observed_lock = l.mode;
      bool rewritten = false, scanned = false;
      for (const auto& r : traced.rewritten) rewritten = rewritten || r == f.relation || index_table[r] == f.relation;
      for (const auto& s : traced.scanned) scanned = scanned || s == f.relation;
      std::string where = on + "form " + f.form + " on " + (f.relation.empty() ? "no relation" : f.relation) + ", " + statement + ": ";
      if (f.relation.empty()) {  // a form on no relation: it must lock none
        if (!traced.locks.empty()) disagreements.push_back(where + "locked " + traced.locks[0].relation);
        continue;
      }
      std::string model_lock = fact.lock.empty() ? "none" : fact.lock;
      if (observed_lock != model_lock) disagreements.push_back(where + "lock " + observed_lock + ", the model says " + model_lock);
      if (rewritten != fact.rewrite) disagreements.push_back(where + (rewritten ? "rewrote it" : "did not rewrite it") + ", the model says the opposite");
      if (scanned != fact.scan) disagreements.push_back(where + (scanned ? "scanned it" : "did not scan it") + ", the model says the opposite");
    }
  }
  return disagreements;
}

}  // namespace

// Each major's cluster starts once for all its forms. A major that cannot be installed here is
// skipped with the reason printed.
TEST_CASE("the lock model matches PostgreSQL 15, 16, 17 and 18 for every modelled statement form", "[server][lock-model]") {
  auto started = std::chrono::steady_clock::now();
  CHECK(forms().size() >= 80);
  int checked = 0;
  for (int major : {15, 16, 17, 18}) {
    std::string why_not, bin_dir = testing::server_bin_dir(major, why_not);
    if (bin_dir.empty()) {
      WARN("lock model not checked on PostgreSQL " << major << ": " << why_not);
      continue;
    }
    std::set<std::string> forms_seen;
    for (const auto& disagreement : check_major(major, bin_dir, forms_seen)) {
      INFO(disagreement);
      CHECK(false);
    }
    INFO("PostgreSQL " << major << ": forms covered: " << forms_seen.size());
    CHECK(forms_seen.size() >= 40);
    ++checked;
  }
  CHECK(checked >= 1);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("lock model checked on %d major(s) in %.1f s\n", checked, seconds);
}
