// pgguard trace, verify-down and stats: the commands that talk to a real PostgreSQL server.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/cli.h"
#include "lint/discover.h"
#include "lint/history.h"
#include "lint/project.h"
#include "lint/report.h"
#include "server/connection.h"
#include "server/roundtrip.h"
#include "server/stats.h"
#include "server/trace.h"
#include "util/secrets.h"
#include "util/environment.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::cli {
namespace {

using nlohmann::json;
using server::TraceOptions;

// Options shared by trace and verify-down; returns an error message for a bad one.
struct ServerArgs {
  TraceOptions options;
  std::vector<std::string> positional;
  std::string format = "text";
};

// The up migrations of a directory in the order its tool applies them (down files left out).
std::vector<std::string> migrations_in(const std::string& dir, const lint::LintProject& project) {
  std::string cwd = current_directory();
  lint::LintPaths found = lint::command_migrations({dir}, cwd, project.root, project.migration_globs);
  if (found.files.empty()) return {};
  std::map<std::string, std::string> given;  // absolute path -> as found
  for (const auto& f : found.files) given[resolve_path(cwd, f)] = f;
  std::vector<std::string> ordered;
  const std::string& first = found.files[0];
  lint::Tool tool =
      project.options.tool ? *project.options.tool : lint::detect_tool(first, read_file_bounded(first, 64u << 20).value_or(""));
  for (const auto& entry : lint::migration_history(first, tool)) {
    auto it = given.find(resolve_path(cwd, entry.path));
    if (it == given.end()) continue;
    if (!entry.down) ordered.push_back(it->second);
    given.erase(it);
  }
  for (const auto& f : found.files) {  // files of another history in the same directory, as found
    if (!given.count(resolve_path(cwd, f))) continue;
    if (!lint::read_migration(f, read_file_bounded(f, 64u << 20).value_or(""), tool).is_down_file) ordered.push_back(f);
  }
  return ordered;
}

std::optional<std::string> parse_server_args(const std::vector<std::string>& args, bool allow_trace_only, ServerArgs& out) {
  lint::LintProject project = lint::load_lint_project(current_directory());
  out.options.lint = project.options;
  if (project.pg_version_stated) out.options.pg_version = project.options.settings.pg_version;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) { return option_value(args, i, name); };
    if (auto v = value("pg-version")) {
      out.options.pg_version = std::atoi(v->c_str());
      if (out.options.pg_version < 10 || out.options.pg_version > 99) return "--pg-version takes a major version (15, 16, 17, 18)";
    } else if (auto v = value("schema")) {
      out.options.schema_files.push_back(*v);
    } else if (auto v = value("database-url")) {
      if (server::has_password(*v))
        return "--database-url carries a password, which would show in the process list and the shell history: put it in "
               "PGPASSWORD or ~/.pgpass and pass the URL without it";
      out.options.database_url = *v;
    } else if (auto v = value("tool")) {
      out.options.tool = lint::parse_tool(*v);
      if (!out.options.tool) return "unknown --tool '" + *v + "'";
    } else if (auto v = value("statement-timeout")) {
      out.options.statement_timeout_ms = std::atoi(v->c_str()) * 1000;
      if (out.options.statement_timeout_ms <= 0) return "--statement-timeout takes seconds";
    } else if (a == "--no-history") {
      out.options.replay_history = false;
    } else if (a == "--json") {
      out.format = "json";
    } else if (auto v = value("format")) {
      if (*v != "text" && *v != "json" && !(allow_trace_only && *v == "sarif")) return "unknown --format '" + *v + "'";
      out.format = *v;
    } else if (auto v = allow_trace_only ? value("from-dump") : std::nullopt) {
      out.options.dump_file = *v;
    } else if (auto v = allow_trace_only ? value("seed-rows") : std::nullopt) {
      out.options.seed_rows = std::atoll(v->c_str());
      if (out.options.seed_rows <= 0) return "--seed-rows takes a positive number";
    } else if (auto v = allow_trace_only ? value("seed-nulls") : std::nullopt) {
      out.options.seed_null_percent = std::atoi(v->c_str());
      if (out.options.seed_null_percent < 0 || out.options.seed_null_percent > 100 || std::to_string(out.options.seed_null_percent) != *v)
        return "--seed-nulls takes a percentage (0-100)";
    } else if (auto v = allow_trace_only ? value("verify") : std::nullopt) {
      out.options.verify.push_back(*v);
    } else if (a.size() > 1 && a[0] == '-') {
      return "unknown option '" + a + "'";
    } else if (allow_trace_only && is_directory(a)) {
      std::vector<std::string> files = migrations_in(a, project);
      if (files.empty()) return "no migrations in " + a;
      out.positional.insert(out.positional.end(), files.begin(), files.end());
    } else {
      if (!is_regular_file(a)) return "cannot read " + a;
      out.positional.push_back(a);
    }
  }
  return std::nullopt;
}

std::string ms(double value) { return std::to_string(static_cast<long long>(value + 0.5)) + " ms"; }

json statement_json(const server::TracedStatement& s) {
  json locks = json::array(), held = json::array();
  for (const auto& l : s.locks)
    locks.push_back({{"relation", l.relation}, {"mode", l.mode}, {"granted", l.granted}, {"held_ms", l.held_ms}});
  for (const auto& l : s.held_locks) held.push_back({{"relation", l.relation}, {"mode", l.mode}});
  return {{"sql", redact(s.sql)}, {"file", s.file}, {"line", s.line}, {"ran", s.ran},
          {"outside_transaction", s.outside_transaction}, {"locks", locks}, {"held_locks", held}, {"new_relations", s.new_relations},
          {"rewritten", s.rewritten}, {"scanned", s.scanned}, {"catalog_changes", s.catalog_changes},
          {"duration_ms", s.duration_ms}, {"error", s.error.empty() ? json(nullptr) : json(s.error)}};
}

std::string statement_text(const server::TracedStatement& s) {
  std::string out = s.file + ":" + std::to_string(s.line) + ": " + shorten(redact(s.sql), 100) + "\n";
  if (!s.ran) return out + "    not run: an earlier statement failed\n";
  out += "    " + ms(s.duration_ms) + (s.outside_transaction ? ", outside a transaction" : "") + "\n";
  for (const auto& l : s.locks)
    out += "    lock: " + l.mode + " on " + l.relation + (l.granted ? "" : " (waited for it)") + ", held " + ms(l.held_ms) + "\n";
  for (const auto& h : s.held_locks) {  // taken by an earlier statement of the transaction, and stronger
    bool new_here = std::any_of(s.locks.begin(), s.locks.end(), [&](const auto& l) { return l.relation == h.relation && l.mode == h.mode; });
    if (!new_here && !h.on_index) out += "    still held: " + h.mode + " on " + h.relation + " (taken earlier in the transaction)\n";
  }
  if (!s.rewritten.empty()) out += "    rewritten: " + join(s.rewritten, ", ") + "\n";
  if (!s.scanned.empty()) out += "    full scan: " + join(s.scanned, ", ") + "\n";
  for (const auto& c : s.catalog_changes) out += "    " + c + "\n";
  if (!s.error.empty()) out += "    ERROR: " + s.error + "\n";
  return out;
}

}  // namespace

int trace(const std::vector<std::string>& args) {
  ServerArgs parsed;
  if (auto error = parse_server_args(args, true, parsed)) return usage_error(*error);
  if (parsed.positional.empty()) return usage_error("trace needs at least one migration file");
  server::TraceReport report = server::trace(parsed.positional, parsed.options);
  bool failed = false;
  for (const auto& s : report.statements) failed = failed || !s.error.empty();
  for (const auto& v : report.verifications) failed = failed || !v.passed;
  for (const auto& f : report.findings) failed = failed || f.severity == lint::Severity::Error;
  if (parsed.format == "sarif") {
    std::cout << lint::render(report.findings, lint::Format::Sarif, false);
  } else if (parsed.format == "json") {
    json statements = json::array(), verifications = json::array();
    for (const auto& s : report.statements) statements.push_back(statement_json(s));
    for (const auto& v : report.verifications) verifications.push_back({{"sql", v.sql}, {"passed", v.passed}, {"result", v.result}});
    json out = {{"server", report.sandbox}, {"pg_version", report.pg_version}, {"start_ms", report.start_ms}, {"setup_ms", report.setup_ms}, {"notes", report.notes},
                {"statements", statements}, {"verifications", verifications},
                {"findings", json::parse(lint::render(report.findings, lint::Format::Json, false))["findings"]}};
    std::cout << out.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  } else {
    std::cout << "trace on " << report.sandbox << " (ready in " << ms(report.start_ms) << ", setup " << ms(report.setup_ms) << ")\n";
    for (const auto& n : report.notes) std::cout << "note: " << n << "\n";
    for (const auto& s : report.statements) std::cout << statement_text(s);
    for (const auto& v : report.verifications)
      std::cout << "verify: " << v.sql << " -> " << v.result << (v.passed ? " (passed)" : " (FAILED)") << "\n";
    if (!report.findings.empty()) std::cout << "\n" << lint::render(report.findings, lint::Format::Text, false);
  }
  return failed ? 1 : 0;
}

int verify_down(const std::vector<std::string>& args) {
  ServerArgs parsed;
  if (auto error = parse_server_args(args, false, parsed)) return usage_error(*error);
  if (parsed.positional.empty() || parsed.positional.size() > 2) return usage_error("verify-down takes <up> [<down>]");
  server::RoundTrip trip = server::verify_down(parsed.positional[0], parsed.positional.size() > 1 ? parsed.positional[1] : "",
                                               parsed.options);
  bool ok = trip.reversible() || !trip.irreversible.empty();
  if (parsed.format == "json") {
    json differences = json::array();
    for (const auto& d : trip.differences) differences.push_back({{"object", d.object}, {"before", d.before}, {"after", d.after}});
    json up = json::array(), down = json::array();
    for (const auto& s : trip.up_statements) up.push_back(statement_json(s));
    for (const auto& s : trip.down_statements) down.push_back(statement_json(s));
    json out = {{"server", trip.sandbox}, {"up", trip.up}, {"down", trip.down}, {"reversible", trip.reversible()},
                {"irreversible", trip.irreversible.empty() ? json(nullptr) : json(trip.irreversible)},
                {"failure", trip.failure.empty() ? json(nullptr) : json(trip.failure)}, {"notes", trip.notes},
                {"up_changes", trip.up_changes}, {"differences", differences}, {"up_statements", up}, {"down_statements", down}};
    std::cout << out.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
    return ok ? 0 : 1;
  }
  std::cout << "round trip of " << trip.up << (trip.down.empty() ? "" : " and " + trip.down) << " on " << trip.sandbox << "\n";
  for (const auto& n : trip.notes) std::cout << "note: " << n << "\n";
  std::cout << "up changed " << trip.up_changes.size() << " schema object(s)\n";
  for (const auto& c : trip.up_changes) std::cout << "  " << c << "\n";
  if (!trip.failure.empty()) std::cout << "FAILED: " << trip.failure << "\n";
  if (!trip.differences.empty()) {
    std::cout << "down does not restore the schema: " << trip.differences.size() << " difference(s) from before up\n";
    for (const auto& d : trip.differences) std::cout << "  " << server::describe_difference(d) << "\n";
  }
  if (trip.reversible()) std::cout << "ok: down restores the schema exactly\n";
  else if (!trip.irreversible.empty()) std::cout << "accepted: the migration is marked irreversible: " << trip.irreversible << "\n";
  else
    std::cout << "fix: make the down migration undo every change above, or mark the migration\n"
                 "     -- irreversible: <why it cannot be undone>\n";
  return ok ? 0 : 1;
}

int stats(const std::vector<std::string>& args) {
  std::string url;
  for (size_t i = 0; i < args.size(); ++i) {
    if (auto v = option_value(args, i, "database-url")) url = *v;
    else return usage_error("unknown stats option '" + args[i] + "'");
  }
  if (!url.empty() && server::has_password(url))
    return usage_error("--database-url carries a password, which would show in the process list and the shell history: put it in "
                       "PGPASSWORD or ~/.pgpass, or read it from DATABASE_URL");
  if (url.empty()) {
    const char* env = std::getenv("DATABASE_URL");
    url = env ? env : "";  // empty: libpq's PG* variables and defaults
  }
  server::Connection conn(url);
  std::cout << server::collect_stats(conn).dump(2) << "\n";
  return 0;
}

}  // namespace pgguard::cli
