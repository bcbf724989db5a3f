#pragma once
#include <optional>
#include <string>
#include <vector>

#include "lint/linter.h"
#include "lint/migration.h"
#include "server/connection.h"

namespace pgguard::server {

struct ObservedLock {
  std::string relation;
  std::string mode;      // "ACCESS EXCLUSIVE"
  bool granted = true;   // false: requested and waited for (sampled outside a transaction)
  double held_ms = 0;    // from the statement's start to the end of its transaction
  bool on_index = false;
};

// What one statement did on the server.
struct TracedStatement {
  std::string sql;
  std::string file;
  int line = 0;
  bool transaction_control = false;        // BEGIN, COMMIT, SAVEPOINT...: run as is, nothing to observe
  bool ran = false;                        // false: an earlier statement failed
  bool outside_transaction = false;        // it cannot run in a transaction block; its locks were sampled
  std::vector<ObservedLock> locks;         // the strongest new lock on each relation that existed before it
  std::vector<ObservedLock> held_locks;    // inside a transaction block: the strongest lock held on each after it
  std::vector<std::string> new_relations;  // relations it created
  std::vector<std::string> rewritten;      // relations whose storage it replaced
  std::vector<std::string> scanned;        // tables it read in full (sequential scans)
  std::vector<std::string> catalog_changes;  // columns, constraints and indexes it added, changed or dropped
  double duration_ms = 0;
  std::string error;
  std::string sqlstate;
};

// Runs statements on one connection and records what each does: locks from pg_locks of its own
// backend, rewrites from pg_class.relfilenode, sequential scans from the statistics counters, and
// catalog changes. A statement outside any transaction is run inside one so its locks can be
// read before they are released; one that cannot run in a transaction block is run on its own
// while other connections hold ACCESS SHARE on the tables and sample pg_locks, so the
// statement's lock requests are seen while it waits for them.
class Tracer {
 public:
  explicit Tracer(const std::string& conninfo, int statement_timeout_ms = 600000);

  // Runs the statements of one section in the tool's transaction mode; stops at the first error
  // (the tool would), leaving the rest with ran = false.
  std::vector<TracedStatement> run_section(const std::vector<TracedStatement>& statements, lint::TxMode mode);
  // Runs one statement as it comes (inside the caller's transaction when one is open).
  TracedStatement run(TracedStatement statement);
  Connection& connection() { return conn_; }
  const std::string& conninfo() const { return conninfo_; }

 private:
  TracedStatement run_in_transaction(TracedStatement statement, bool own_transaction);
  TracedStatement run_outside_transaction(TracedStatement statement);

  std::string conninfo_;
  Connection conn_;
  std::unique_ptr<Connection> holders_[2];  // sample the locks of statements that run outside a transaction
};

// The statements of a migration's sections in one direction, grouped by section, with the
// section's transaction mode.
struct MigrationSection {
  lint::TxMode tx = lint::TxMode::Autocommit;
  std::string label;
  std::vector<TracedStatement> statements;
};
std::vector<MigrationSection> migration_sections(const std::string& path, const std::string& text, lint::Direction direction,
                                                 std::optional<lint::Tool> tool);

struct TraceOptions {
  int pg_version = 0;                    // the major of the throwaway cluster; 0: the default server
  std::string database_url;              // empty: a throwaway cluster
  std::vector<std::string> schema_files;  // applied first (schema.sql, pg_dump --schema-only)
  std::string dump_file;                  // a pg_dump (custom or plain) restored first
  bool replay_history = true;             // earlier migrations of the first target's directory
  std::optional<lint::Tool> tool;
  long long seed_rows = 0;                // synthetic rows in every table that exists before the targets
  int seed_null_percent = 10;             // of those rows, NULL in each nullable column
  std::vector<std::string> verify;        // SQL checks run afterwards
  int statement_timeout_ms = 600000;
  lint::LintOptions lint;                 // the linter's findings are tied to what was observed
};

struct Verification {
  std::string sql;
  bool passed = false;
  std::string result;  // the first row, or the error
};

struct TraceReport {
  std::string sandbox;                // where it ran
  std::string pg_version;             // the server's exact version: "18.4"
  double start_ms = 0;                // cluster start (or scratch database creation)
  double setup_ms = 0;                // schema, dump, history and seeding
  std::vector<std::string> notes;     // setup problems
  std::vector<TracedStatement> statements;
  std::vector<Verification> verifications;
  std::vector<lint::LintFinding> findings;  // lint findings the trace confirms, and statement errors
};

// Throws ServerError when the server cannot be started or reached.
TraceReport trace(const std::vector<std::string>& migrations, TraceOptions options);

// Applies the setup a trace or a round trip starts from: schema files, a dump, the history of
// `first_migration`'s directory, synthetic rows. Returns notes on what did not apply.
std::vector<std::string> prepare_database(Tracer& tracer, const std::string& bin_dir, const std::string& first_migration,
                                          const TraceOptions& options);

}  // namespace pgguard::server
