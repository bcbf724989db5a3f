#include "server/trace.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include "lint/lock_facts.h"
#include "lint/parse.h"
#include "server/catalog.h"
#include "util/budget.h"

namespace pgguard::server {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kActiveSqlTransaction = "25001";  // "cannot run inside a transaction block"
const std::set<std::string> kCatalogKinds = {"column", "constraint", "index"};

// Everything the statement changed: rewrites, scans and catalog differences.
void record_effects(TracedStatement& t, const Relations& before, const Relations& after, const SchemaText& schema_before,
                    const SchemaText& schema_after) {
  std::map<std::string, std::string> before_oid;  // by name
  for (const auto& [oid, rel] : before) before_oid[rel.name] = oid;
  for (const auto& [oid, rel] : after) {
    auto old = before.find(oid);
    if (old == before.end()) {
      // REINDEX CONCURRENTLY builds a new relation and swaps it in under the old name.
      // An index rebuilt for ALTER COLUMN TYPE whose storage PostgreSQL kept has a new OID but its old relfilenode.
      auto same_name = before_oid.find(rel.name);
      if (same_name != before_oid.end() && !after.count(same_name->second)) {
        if (rel.filenode != before.at(same_name->second).filenode) t.rewritten.push_back(rel.name);
      } else if (rel.kind != 'S') {
        t.new_relations.push_back(rel.name);
      }
      continue;
    }
    if (rel.filenode != old->second.filenode && rel.filenode != "0") t.rewritten.push_back(rel.name);
    // A scan of storage the statement itself just created empty (TRUNCATE rebuilding its indexes) reads nothing.
    bool fresh_empty_storage = rel.filenode != old->second.filenode && rel.empty;
    if ((rel.kind == 'r' || rel.kind == 'm') && rel.seq_scans > old->second.seq_scans && !fresh_empty_storage)
      t.scanned.push_back(rel.name);
  }
  for (const auto& d : compare_schemas(schema_before, schema_after)) t.catalog_changes.push_back(describe_difference(d));
}

// One lock per relation: the strongest mode seen (a granted one beats the same mode waited for);
// tables before their indexes.
void add_lock(std::vector<ObservedLock>& locks, const Relations& before, const std::string& oid, const std::string& mode, bool granted) {
  auto rel = before.find(oid);
  if (rel == before.end()) return;  // created by the statement itself
  for (auto& l : locks) {
    if (l.relation != rel->second.name) continue;
    int had = lint::lock_strength(l.mode), now = lint::lock_strength(mode);
    if (now > had) l.mode = mode, l.granted = granted;
    else if (now == had) l.granted = l.granted || granted;
    return;
  }
  bool on_index = rel->second.kind == 'i' || rel->second.kind == 'I';
  ObservedLock lock{rel->second.name, mode, granted, 0, on_index};
  locks.insert(on_index ? locks.end()
                        : std::find_if(locks.begin(), locks.end(), [](const ObservedLock& l) { return l.on_index; }),
               lock);
}

}  // namespace

Tracer::Tracer(const std::string& conninfo, int statement_timeout_ms) : conninfo_(conninfo), conn_(conninfo) {
  // Statistics read live, not from a per-transaction cache, so counters can be diffed in a transaction.
  conn_.run("SET stats_fetch_consistency = none; SET statement_timeout = " + std::to_string(statement_timeout_ms) +
            "; SET client_min_messages = warning");
}

TracedStatement Tracer::run(TracedStatement statement) {
  statement.ran = true;
  if (statement.transaction_control) {
    auto started = Clock::now();
    QueryResult r = conn_.exec(statement.sql);
    statement.duration_ms = elapsed_ms(started);
    statement.error = r.error;
    statement.sqlstate = r.sqlstate;
    return statement;
  }
  if (conn_.in_transaction()) return run_in_transaction(std::move(statement), false);
  TracedStatement traced = run_in_transaction(statement, true);
  if (traced.sqlstate == kActiveSqlTransaction) return run_outside_transaction(std::move(statement));
  return traced;
}

TracedStatement Tracer::run_in_transaction(TracedStatement t, bool own_transaction) {
  if (conn_.in_failed_transaction()) {
    t.error = "not run: the transaction was aborted by an earlier error";
    return t;
  }
  int pid = conn_.backend_pid();
  if (own_transaction) conn_.run("BEGIN");
  Relations before = read_relations(conn_);
  SchemaText schema_before = describe_schema(conn_, kCatalogKinds);
  std::set<std::pair<std::string, std::string>> held;
  for (const auto& l : read_backend_locks(conn_, pid).relations) held.insert({l.oid, l.mode});
  auto started = Clock::now();
  QueryResult r = conn_.exec(t.sql);
  t.duration_ms = elapsed_ms(started);
  if (!r.ok()) {
    t.error = r.error;
    t.sqlstate = r.sqlstate;
    if (own_transaction) conn_.exec("ROLLBACK");
    return t;
  }
  Relations after = read_relations(conn_);
  for (const auto& l : read_backend_locks(conn_, pid).relations) {
    if (!held.count({l.oid, l.mode})) add_lock(t.locks, before, l.oid, l.mode, l.granted);
    // In the caller's transaction, what it holds now: earlier statements' locks stay until it ends.
    if (!own_transaction) add_lock(t.held_locks, before, l.oid, l.mode, l.granted);
  }
  record_effects(t, before, after, schema_before, describe_schema(conn_, kCatalogKinds));
  if (own_transaction) {
    QueryResult commit = conn_.exec("COMMIT");
    if (!commit.ok()) {  // a deferred constraint fails at commit
      t.error = commit.error;
      t.sqlstate = commit.sqlstate;
    }
    t.duration_ms = elapsed_ms(started);
    for (auto& l : t.locks) l.held_ms = t.duration_ms;
  }
  return t;
}

TracedStatement Tracer::run_outside_transaction(TracedStatement t) {
  t.outside_transaction = true;
  for (auto& holder : holders_)
    if (!holder) holder = std::make_unique<Connection>(conninfo_);
  int pid = conn_.backend_pid();
  Relations before = read_relations(conn_);
  SchemaText schema_before = describe_schema(conn_, kCatalogKinds);
  // A holder keeps ACCESS SHARE on every table it can get without waiting, and a snapshot: a
  // statement that needs a stronger lock, or waits for older transactions (CONCURRENTLY), waits
  // where its locks can be read. When it waits, the other holder takes over and this one lets
  // go, so each phase of a multi-transaction statement waits in turn (a bounded number of times).
  std::string oids;
  for (const auto& [oid, rel] : before)
    if (rel.kind == 'r' || rel.kind == 'p') oids += (oids.empty() ? "" : ",") + oid;
  const std::string hold =
      "BEGIN ISOLATION LEVEL REPEATABLE READ; DO $pgguard$DECLARE r oid; BEGIN FOREACH r IN ARRAY '{" + oids +
      "}'::oid[] LOOP BEGIN EXECUTE format('LOCK TABLE ONLY %s IN ACCESS SHARE MODE NOWAIT', r::regclass); "
      "EXCEPTION WHEN lock_not_available THEN NULL; END; END LOOP; END$pgguard$";
  size_t current = 0;
  bool holding = holders_[current]->exec(hold).ok();
  if (!holding) holders_[current]->exec("ROLLBACK");
  auto started = Clock::now();
  conn_.send(t.sql);
  for (int handovers = 0; !conn_.finished();) {
    BackendLocks seen = read_backend_locks(*holders_[current], pid);
    for (const auto& l : seen.relations) add_lock(t.locks, before, l.oid, l.mode, l.granted);
    if (seen.waiting && holding) {
      size_t next = 1 - current;
      bool next_holds = handovers++ < 8 && holders_[next]->exec(hold).ok();
      if (!next_holds) holders_[next]->exec("ROLLBACK");
      holders_[current]->exec("ROLLBACK");
      current = next;
      holding = next_holds;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  QueryResult r = conn_.result();
  t.duration_ms = elapsed_ms(started);
  if (holding) holders_[current]->exec("ROLLBACK");
  for (auto& l : t.locks) l.held_ms = t.duration_ms;
  if (!r.ok()) {
    t.error = r.error;
    t.sqlstate = r.sqlstate;
    return t;
  }
  record_effects(t, before, read_relations(conn_), schema_before, describe_schema(conn_, kCatalogKinds));
  return t;
}

std::vector<TracedStatement> Tracer::run_section(const std::vector<TracedStatement>& statements, lint::TxMode mode) {
  std::vector<TracedStatement> out;
  std::vector<Clock::time_point> starts;
  size_t transaction_start = 0;  // the first statement of the open transaction block
  // Every lock taken since the transaction block began is held until it ends.
  auto release_locks = [&](size_t from) {
    for (size_t i = from; i < out.size(); ++i)
      for (auto& l : out[i].locks) l.held_ms = std::max(l.held_ms, elapsed_ms(starts[i]));
  };
  if (mode == lint::TxMode::Single || (mode == lint::TxMode::Implicit && statements.size() > 1)) conn_.run("BEGIN");
  bool failed = false;
  for (const auto& s : statements) {
    if (failed) {
      out.push_back(s);
      continue;
    }
    bool was_in_transaction = conn_.in_transaction();
    starts.push_back(Clock::now());
    out.push_back(run(s));
    failed = !out.back().error.empty();
    if (!was_in_transaction && conn_.in_transaction()) transaction_start = out.size() - 1;  // the migration's BEGIN
    if (was_in_transaction && !conn_.in_transaction()) release_locks(transaction_start);
  }
  if (conn_.in_transaction()) {
    // The tool commits its transaction; a failed one, or a BEGIN the file never closes, is rolled back.
    QueryResult end = conn_.exec(failed || mode == lint::TxMode::Autocommit ? "ROLLBACK" : "COMMIT");
    if (!end.ok() && !out.empty() && !failed) {
      out.back().error = end.error;
      out.back().sqlstate = end.sqlstate;
    }
    release_locks(transaction_start);
  }
  return out;
}

std::vector<MigrationSection> migration_sections(const std::string& path, const std::string& text, lint::Direction direction,
                                                 std::optional<lint::Tool> tool) {
  auto parsed = lint::parse_migration(lint::read_migration(path, text, tool));
  std::vector<MigrationSection> sections;
  for (size_t i = 0; i < parsed->file.sections.size(); ++i) {
    const lint::Section& section = parsed->file.sections[i];
    bool down_file = parsed->file.is_down_file;
    lint::Direction effective = down_file ? lint::Direction::Down : section.direction;
    if (effective != direction) continue;
    MigrationSection out{section.tx, section.label, {}};
    for (const auto& s : parsed->statements) {
      if (s.section != i || s.embedded) continue;
      TracedStatement t;
      t.sql = s.text;
      t.file = path;
      t.line = s.line;
      t.transaction_control = s.type == "TransactionStmt";
      out.statements.push_back(t);
    }
    sections.push_back(std::move(out));
  }
  return sections;
}

}  // namespace pgguard::server
