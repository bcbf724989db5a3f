// The trace and the down round trip: a sandbox, the setup they start from, the migration run
// statement by statement, and what the server showed.
#include <algorithm>
#include <chrono>
#include <re2/re2.h>

#include "lint/history.h"
#include "lint/rule.h"
#include "server/cluster.h"
#include "server/roundtrip.h"
#include "server/sandbox.h"
#include "server/seed.h"
#include "util/budget.h"
#include "util/environment.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::server {
namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kMaxMigrationBytes = 64u << 20;

std::string read_or_throw(const std::string& path) {
  auto text = read_file_bounded(path, kMaxMigrationBytes);
  if (!text) throw ServerError("cannot read " + path + " (missing, unreadable, or over 64 MB)");
  return *text;
}

// The error lines a client program printed (all of its output when it failed without one), the
// first few quoted as notes.
void note_errors(const std::string& output, bool failed, const std::string& what, std::vector<std::string>& notes) {
  std::vector<std::string> errors;
  for (const auto& line : split_lines(output))
    if (line.find("ERROR:") != std::string::npos || line.find("error:") != std::string::npos) errors.push_back(trim(line));
  if (failed && errors.empty()) errors.push_back(shorten(output, 300));
  for (size_t i = 0; i < errors.size() && i < 5; ++i) notes.push_back(what + ": " + errors[i]);
  if (errors.size() > 5) notes.push_back(what + ": " + std::to_string(errors.size() - 5) + " more errors");
}

// Runs a SQL file (schema snapshot, plain dump) through psql, as a restore would.
void run_sql_file(const std::string& bin_dir, const std::string& conninfo, const std::string& path, const std::string& what,
                  std::vector<std::string>& notes) {
  std::string out;
  int code = run_client(bin_dir, "psql", {"-X", "-q", "-v", "ON_ERROR_STOP=0", "-d", conninfo, "-f", path}, out, 3600000);
  note_errors(out, code != 0, what + " " + path, notes);
}

void restore_dump(const std::string& bin_dir, const std::string& conninfo, const std::string& path, std::vector<std::string>& notes) {
  // A custom-format archive starts with "PGDMP"; only those five bytes are read.
  FILE* f = fopen(path.c_str(), "rb");
  if (!f) throw ServerError("cannot read the dump " + path);
  char magic[5] = {};
  bool custom = fread(magic, 1, 5, f) == 5 && std::string(magic, 5) == "PGDMP";
  fclose(f);
  if (!custom) return run_sql_file(bin_dir, conninfo, path, "dump", notes);
  std::string out;
  int code = run_client(bin_dir, "pg_restore", {"--no-owner", "--no-privileges", "-d", conninfo, path}, out, 3600000);
  if (code != 0) note_errors(out, true, "dump " + path, notes);
}

lint::Tool tool_of(const std::string& path, const std::string& text, const TraceOptions& options) {
  return options.tool ? *options.tool : lint::detect_tool(path, text);
}

lint::Direction direction_of(const std::string& path, const std::string& text, const TraceOptions& options) {
  return lint::read_migration(path, text, tool_of(path, text, options)).is_down_file ? lint::Direction::Down : lint::Direction::Up;
}

// Runs a migration's sections in one direction; returns "" or the first failure.
std::string run_migration(Tracer& tracer, const std::string& path, const std::string& text, lint::Direction direction,
                          const TraceOptions& options, std::vector<TracedStatement>& out) {
  std::string failure;
  for (auto& section : migration_sections(path, text, direction, tool_of(path, text, options))) {
    if (!failure.empty()) {  // the tool stops at the first failing section
      for (auto& s : section.statements) out.push_back(s);
      continue;
    }
    for (auto& s : tracer.run_section(section.statements, section.tx)) {
      if (failure.empty() && !s.error.empty()) failure = path + ":" + std::to_string(s.line) + ": " + s.error;
      out.push_back(std::move(s));
    }
  }
  return failure;
}

std::string describe_observation(const TracedStatement& s) {
  std::vector<std::string> parts;
  for (const auto& l : s.locks)
    if (!l.on_index) parts.push_back(l.mode + " on " + l.relation + (l.granted ? "" : " (waited for)") +
                    (l.held_ms >= 1 ? " held " + std::to_string(static_cast<long long>(l.held_ms)) + " ms" : ""));
  for (const auto& h : s.held_locks)  // a stronger lock an earlier statement of the transaction took
    if (!h.on_index && std::none_of(s.locks.begin(), s.locks.end(), [&](const ObservedLock& l) { return l.relation == h.relation && l.mode == h.mode; }))
      parts.push_back(h.mode + " on " + h.relation + " still held from earlier in the transaction");
  if (!s.rewritten.empty()) parts.push_back("rewrote " + join(s.rewritten, ", "));
  if (!s.scanned.empty()) parts.push_back("scanned " + join(s.scanned, ", "));
  if (parts.empty()) parts.push_back("no lock on an existing relation");
  return join(parts, "; ") + "; " + std::to_string(static_cast<long long>(s.duration_ms)) + " ms";
}

// The linter's findings on statements the trace ran, with what the server showed; errors the
// server raised; rewrites the linter did not predict.
std::vector<lint::LintFinding> confirm_findings(const std::vector<std::string>& migrations, const std::vector<TracedStatement>& traced,
                                                const TraceOptions& options) {
  std::vector<lint::LintFinding> out;
  for (const auto& path : migrations) {
    lint::LintResult lint = lint::lint_path(path, options.lint);
    for (const auto& s : traced) {
      if (s.file != path || !s.ran) continue;
      bool predicted_rewrite = false;
      for (auto finding : lint.findings) {
        if (!s.error.empty()) break;  // what it would have done is moot: it failed
        const lint::RuleInfo* info = lint::rule_info(finding.rule);
        if (finding.line != s.line || !info || (info->category != "lock" && info->category != "transaction")) continue;
        finding.message += " Observed: " + describe_observation(s) + ".";
        predicted_rewrite = predicted_rewrite || finding.rule == "alter-column-type" || finding.rule == "alter-table-rewrite" ||
                            finding.rule == "add-column-rewriting-default" || finding.rule == "add-column-generated-or-serial" ||
                            finding.rule == "vacuum-full-or-cluster";
        out.push_back(finding);
      }
      if (!s.error.empty()) {
        bool concurrently = s.sqlstate == "25001" && contains_ci(s.sql, "concurrently");
        out.push_back({concurrently ? "concurrently-in-transaction" : "statement-error", lint::Severity::Error, path, s.line, 1,
                       "PostgreSQL rejected this statement: " + s.error + (s.sqlstate.empty() ? "" : " (SQLSTATE " + s.sqlstate + ")") +
                           "; the migration stops here and its transaction is rolled back.",
                       shorten(s.sql, 120),
                       concurrently ? "run this statement in a migration of its own that runs outside a transaction" : ""});
      } else if (!s.rewritten.empty() && !predicted_rewrite) {
        out.push_back({"alter-table-rewrite", lint::Severity::Warning, path, s.line, 1,
                       "PostgreSQL rewrote " + join(s.rewritten, ", ") + " for this statement. Observed: " + describe_observation(s) + ".",
                       shorten(s.sql, 120), ""});
      }
    }
  }
  return out;
}

// The sandbox of a trace or round trip, on a throwaway server of the asked major; the linter then
// judges for the major that runs.
std::unique_ptr<Sandbox> open_sandbox(TraceOptions& options, std::vector<std::string>& notes) {
  ThrowawayCluster::Options cluster;
  cluster.major = options.pg_version;
  auto sandbox = Sandbox::open(options.database_url, cluster);
  if (options.pg_version && sandbox->major() != options.pg_version)
    notes.push_back("the server runs PostgreSQL " + std::to_string(sandbox->major()) + ", not the " + std::to_string(options.pg_version) +
                    " asked for: what it shows is PostgreSQL " + std::to_string(sandbox->major()) + "'s behaviour");
  options.lint.settings.pg_version = sandbox->major();
  return sandbox;
}

}  // namespace

std::vector<std::string> prepare_database(Tracer& tracer, const std::string& bin_dir, const std::string& first_migration,
                                          const TraceOptions& options) {
  std::vector<std::string> notes;
  const std::string conninfo = tracer.conninfo();
  // The client programs run from /, so relative paths are made absolute first.
  for (const auto& file : options.schema_files) {
    if (!is_regular_file(file)) throw ServerError("cannot read the schema file " + file);
    run_sql_file(bin_dir, conninfo, resolve_path(current_directory(), file), "schema", notes);
  }
  if (!options.dump_file.empty()) {
    if (!is_regular_file(options.dump_file)) throw ServerError("cannot read the dump " + options.dump_file);
    restore_dump(bin_dir, conninfo, resolve_path(current_directory(), options.dump_file), notes);
  }
  // A dump or a schema snapshot already is the state before the migration.
  if (options.replay_history && options.dump_file.empty() && options.schema_files.empty() && !first_migration.empty()) {
    std::string text = read_or_throw(first_migration);
    for (const auto& entry : lint::migration_history(first_migration, tool_of(first_migration, text, options))) {
      if (entry.path == first_migration) break;
      if (entry.down) continue;
      const std::string& earlier = entry.path;
      auto earlier_text = read_file_bounded(earlier, kMaxMigrationBytes);
      if (!earlier_text) continue;
      std::vector<TracedStatement> ignored;
      std::string failure = run_migration(tracer, earlier, *earlier_text, lint::Direction::Up, options, ignored);
      if (!failure.empty()) notes.push_back("history: " + failure);
    }
  }
  for (auto& note : seed_tables(tracer.connection(), options.seed_rows, options.seed_null_percent)) notes.push_back(note);
  return notes;
}

TraceReport trace(const std::vector<std::string>& migrations, TraceOptions options) {
  TraceReport report;
  std::vector<std::string> texts;
  for (const auto& path : migrations) texts.push_back(read_or_throw(path));
  auto sandbox = open_sandbox(options, report.notes);
  report.sandbox = sandbox->describe();
  report.pg_version = sandbox->version();
  report.start_ms = sandbox->start_ms();
  {
    Tracer tracer(sandbox->conninfo(), options.statement_timeout_ms);
    auto setup_started = Clock::now();
    for (auto& note : prepare_database(tracer, sandbox->bin_dir(), migrations.empty() ? "" : migrations[0], options))
      report.notes.push_back(note);
    report.setup_ms = elapsed_ms(setup_started);
    for (size_t i = 0; i < migrations.size(); ++i)
      run_migration(tracer, migrations[i], texts[i], direction_of(migrations[i], texts[i], options), options, report.statements);
    for (const auto& sql : options.verify) {
      QueryResult r = tracer.connection().exec(sql);
      Verification v{sql, r.ok(), r.error};
      if (r.ok()) {
        v.result = r.rows.empty() ? "(no rows)" : join(r.rows[0], " | ");
        v.passed = !(r.rows.size() == 1 && r.rows[0].size() == 1 && (v.result == "f" || v.result == "false"));
      }
      report.verifications.push_back(v);
    }
  }
  report.findings = confirm_findings(migrations, report.statements, options);
  return report;
}

std::string find_down_migration(const std::string& up_path) {
  auto text = read_file_bounded(up_path, kMaxMigrationBytes);
  if (!text) return "";
  lint::MigrationFile file = lint::read_migration(up_path, *text);
  for (const auto& s : file.sections)
    if (s.direction == lint::Direction::Down) return up_path;
  std::string dir = up_path.substr(0, up_path.rfind('/') + 1), name = base_name(up_path);
  std::vector<std::string> candidates;
  if (ends_with(name, ".up.sql")) candidates.push_back(dir + name.substr(0, name.size() - 7) + ".down.sql");
  static const RE2 flyway(R"(V(\d[\d._]*__.*\.sql))");
  std::string flyway_rest;
  if (RE2::FullMatch(name, flyway, &flyway_rest)) candidates.push_back(dir + "U" + flyway_rest);
  if (ends_with(dir, "/deploy/")) candidates.push_back(dir.substr(0, dir.size() - 7) + "revert/" + name);
  for (const auto& c : candidates)
    if (is_regular_file(c)) return c;
  return "";
}

RoundTrip verify_down(const std::string& up_path, const std::string& down_path, TraceOptions options) {
  RoundTrip trip;
  trip.up = up_path;
  trip.down = down_path.empty() ? find_down_migration(up_path) : down_path;
  std::string up_text = read_or_throw(up_path);
  std::string down_text = trip.down.empty() ? "" : read_or_throw(trip.down);
  static const RE2 irreversible(R"((?m)^\s*--\s*irreversible:\s*(\S.*?)\s*$)");
  if (!RE2::PartialMatch(up_text, irreversible, &trip.irreversible)) RE2::PartialMatch(down_text, irreversible, &trip.irreversible);
  auto sandbox = open_sandbox(options, trip.notes);
  trip.sandbox = sandbox->describe();
  Tracer tracer(sandbox->conninfo(), options.statement_timeout_ms);
  for (auto& note : prepare_database(tracer, sandbox->bin_dir(), up_path, options)) trip.notes.push_back(note);
  SchemaText before = describe_schema(tracer.connection());
  trip.failure = run_migration(tracer, up_path, up_text, lint::Direction::Up, options, trip.up_statements);
  if (!trip.failure.empty()) {
    trip.failure = "up failed: " + trip.failure;
    return trip;
  }
  SchemaText middle = describe_schema(tracer.connection());
  for (const auto& d : compare_schemas(before, middle)) trip.up_changes.push_back(describe_difference(d));
  if (trip.down.empty()) {
    trip.failure = "no down migration found for " + up_path;
    return trip;
  }
  lint::Direction down_direction = trip.down == up_path ? lint::Direction::Down : direction_of(trip.down, down_text, options);
  trip.failure = run_migration(tracer, trip.down, down_text, down_direction, options, trip.down_statements);
  if (!trip.failure.empty()) {
    trip.failure = "down failed: " + trip.failure;
    return trip;
  }
  trip.differences = compare_schemas(before, describe_schema(tracer.connection()));
  return trip;
}

}  // namespace pgguard::server
