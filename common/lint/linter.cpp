#include "lint/linter.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "lint/file_findings.h"
#include "lint/history.h"
#include "lint/history_cache.h"
#include "lint/lock_facts.h"
#include "lint/parse_ahead.h"
#include "lint/token_forms.h"
#include "lint/tools.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

// Applies a file's statements to `schema` without linting it: an earlier migration, or a schema
// snapshot (`up_only` false).
void apply_parsed(Schema& schema, const ParsedMigration& parsed, bool up_only) {
  for (const auto& s : parsed.statements) {
    if (!s.node || s.embedded) continue;
    if (up_only && parsed.file.sections[s.section].direction != Direction::Up) continue;
    schema.apply(s.node);
  }
}

void replay_text(Schema& schema, const std::string& path, const std::string& text, std::optional<Tool> tool, bool up_only) {
  apply_parsed(schema, *parse_migration(read_migration(path, text, tool), Comments::Skip), up_only);
}

void replay(Schema& schema, const std::string& path, std::optional<Tool> tool, size_t max_bytes, bool up_only) {
  if (auto text = read_file_bounded(path, max_bytes)) replay_text(schema, path, *text, tool, up_only);
}

// Replays the up files among the first `count` entries of a history, from the history cache when an
// earlier run left the schema of all of them or of a first part of them. Returns how many it replayed.
size_t replay_earlier(Schema& schema, const std::vector<HistoryEntry>& entries, size_t count, Tool tool, const LintOptions& options) {
  std::vector<const HistoryEntry*> ups;
  for (size_t k = 0; k < count; ++k)
    if (!entries[k].down) ups.push_back(&entries[k]);
  if (options.history_cache.empty() || ups.empty()) {
    for (const HistoryEntry* entry : ups) replay(schema, entry->path, tool, options.max_file_bytes, true);
    return ups.size();
  }
  // Settled files enter the key by their stat data and are read only if replayed; the others are
  // read now, for the key, and replayed from that text.
  std::vector<std::optional<std::string>> texts(ups.size());
  std::vector<bool> read(ups.size(), false);
  std::vector<std::string> keys;  // keys[k]: the schema after ups[0..k]
  HistoryKey key(std::string(tool_name(tool)) + " " + std::to_string(options.max_file_bytes) + "\n" + schema.serialize());
  auto settled_before = std::chrono::system_clock::now() - options.history_settle;
  for (size_t k = 0; k < ups.size(); ++k) {
    if (auto stamp = settled_stamp(ups[k]->path, settled_before)) {
      key.add_stamp(ups[k]->path, *stamp);
    } else {
      texts[k] = read_file_bounded(ups[k]->path, options.max_file_bytes);
      read[k] = true;
      key.add_content(ups[k]->path, texts[k]);
    }
    keys.push_back(key.hex());
  }
  size_t start = 0;  // the ups after the longest cached part still to replay
  for (size_t k = keys.size(); k-- > 0;)
    if (auto cached = load_cached_schema(options.history_cache, keys[k])) {
      schema = std::move(*cached);
      start = k + 1;
      break;
    }
  for (size_t k = start; k < ups.size(); ++k) {
    if (!read[k]) texts[k] = read_file_bounded(ups[k]->path, options.max_file_bytes);
    if (texts[k]) replay_text(schema, ups[k]->path, *texts[k], tool, true);
  }
  if (start < ups.size()) store_cached_schema(options.history_cache, keys.back(), schema);
  return ups.size();
}

// A statement the parser rejected that reads as MySQL: an error on every major.
bool is_mysql_error(const Statement& s) { return s.parse_error.find("; MySQL syntax: ") != std::string::npos; }

// What is known of a statement only the scanner read: it may be valid on the target major, so it is
// not called invalid; its kind, table and the locks of its form are named.
std::string newer_syntax_message(const Statement& s, const TokenStatement& tokens, const FileState& state, int pg_version,
                                 bool server_parsed) {
  std::string major = std::to_string(pg_version), grammar = std::to_string(parser_major());
  std::string out = server_parsed ? "valid PostgreSQL " + major + " (its server parsed it), in syntax this build cannot parse: its parser has PostgreSQL " +
                                        grammar + "'s grammar (" + s.parse_error + "), so only the statement's tokens were checked"
                                  : "this statement uses syntax this build cannot parse for PostgreSQL " + major + ": its parser has PostgreSQL " +
                                        grammar + "'s grammar (" + s.parse_error + "), so it is syntax added after " + grammar + " or an error";
  std::vector<std::string> known;
  for (const auto& form : tokens.forms)
    if (!state.created_tables.count(form.relation))  // a table this migration creates is empty and unused
      known.push_back(describe(lock_fact(form.form, pg_version), form.relation));
  if (!tokens.kind.empty())
    out += ". By its tokens it is " + tokens.kind + (tokens.relation.empty() ? "" : " on " + tokens.relation) +
           (tokens.concurrently ? ", CONCURRENTLY" : "") + (tokens.not_valid ? ", NOT VALID" : "");
  if (!known.empty()) out += ": " + join(known, "; ");
  return out + ".";
}

Severity scaled(Severity severity, const std::string& category, const std::string& relation, const LintOptions& options) {
  if (category != "lock" || relation.empty()) return severity;
  auto it = options.stats.find(relation);
  if (it == options.stats.end()) return severity;
  if (it->second.rows < 10000 && it->second.bytes < (64ll << 20)) return Severity::Info;
  if (it->second.rows > 1000000 || it->second.bytes > (1ll << 30)) return Severity::Error;
  return severity;
}

}  // namespace

bool rule_enabled(const std::string& id, const LintOptions& options) {
  if (options.disable.count(id)) return false;
  if (options.enable.count(id)) return true;
  const RuleInfo* info = rule_info(id);
  return info && info->enabled_by_default;
}

std::map<std::string, TableStats> parse_stats(const std::string& json_text) {
  auto doc = nlohmann::json::parse(json_text);
  const auto& tables = doc.contains("tables") ? doc.at("tables") : doc;
  std::map<std::string, TableStats> stats;
  for (const auto& [name, t] : tables.items()) {
    std::string key = name.find('.') != std::string::npos ? name.substr(name.find('.') + 1) : name;
    stats[key] = {t.value("rows", 0ll), t.value("bytes", 0ll)};
  }
  return stats;
}

namespace {

// A rule the options turn on, with its id and metadata.
struct EnabledRule {
  const LintRule* rule;
  std::string id;
  const RuleInfo* info;
};

// Decided once per run: asked per file, it cost a history of 773 small migrations 8% of its lint.
std::vector<EnabledRule> enabled_rules(const LintOptions& options) {
  std::vector<EnabledRule> out;
  for (const auto& rule : lint_rules())
    if (std::string id(rule->id()); rule_enabled(id, options)) out.push_back({rule.get(), id, rule_info(id)});
  return out;
}

// Lints one migration against `schema` (the schema the migrations before it build) and moves
// `schema` past the file's up statements, so that the next file of the same history starts there.
// `said`: the unstated conventions earlier files of the run already reported.
LintResult lint_against(const std::string& path, std::unique_ptr<ParsedMigration> parsed, const LintOptions& options,
                        const std::vector<EnabledRule>& enabled, Schema& schema, const std::set<std::string>& said) {
  LintResult result;
  result.tool = parsed->file.tool;
  // Only a file with downs needs rolling back; a checkpoint would copy every table the file touches.
  bool has_downs = parsed->file.is_down_file || std::any_of(parsed->file.sections.begin(), parsed->file.sections.end(),
                                                             [](const Section& s) { return s.direction == Direction::Down; });
  std::optional<size_t> file_start;
  if (has_downs) file_start = schema.checkpoint();
  // Downs do not carry forward: they are rolled back from the first one, and the ups after it applied again.
  std::optional<size_t> first_down;
  std::vector<const Statement*> ups_after_down;
  bool interpolation_reported = false;

  FileFindings findings(*parsed, options, said);
  std::vector<size_t> statements_per_section(parsed->file.sections.size(), 0);
  for (const auto& s : parsed->statements)
    if (!s.embedded) ++statements_per_section[s.section];

  if (!parsed->file.too_dynamic.empty() && rule_enabled("unlintable-migration", options))
    findings.add({"unlintable-migration", Severity::Warning, path, 1, 1, "this migration " + parsed->file.too_dynamic, "", ""}, std::string::npos);
  if (rule_enabled("unlintable-call", options))
    for (const auto& call : parsed->file.unlintable_calls)
      findings.add({"unlintable-call", Severity::Info, path, call.line, 1, call.message, "", call.fix}, std::string::npos);

  FileState state;
  size_t current_section = std::string::npos;
  auto emit = [&](const std::string& id, const RuleFinding& f, const Statement* s, size_t index) {
    const RuleInfo* info = rule_info(id);
    Severity severity = options.severities.count(id) ? options.severities.at(id) : info ? info->severity : Severity::Warning;
    if (!options.severities.count(id)) severity = scaled(severity, info ? info->category : "", f.relation, options);
    int line = f.line ? f.line : s ? s->line : 1;
    findings.add({id, severity, path, line, s && !f.line ? s->column : 1, f.message, s ? shorten(s->text, 200) : "", f.fix}, index);
  };

  std::vector<const EnabledRule*> active_rules;  // decided once per file, not per statement
  for (const EnabledRule& rule : enabled)
    if (findings.wanted(rule.id)) active_rules.push_back(&rule);
  std::vector<RuleFinding> found;

  for (size_t i = 0; i < parsed->statements.size(); ++i) {
    const Statement& s = parsed->statements[i];
    const Section& section = parsed->file.sections[s.section];
    if (s.section != current_section) {
      current_section = s.section;
      state.explicit_transaction = false;
      state.access_exclusive_in_transaction.clear();
      ++state.transaction;
    }
    bool in_transaction = section.tx == TxMode::Single || (section.tx == TxMode::Implicit && statements_per_section[s.section] > 1) ||
                          state.explicit_transaction;
    if (section.tx == TxMode::Autocommit && !state.explicit_transaction) {
      ++state.transaction;
      state.access_exclusive_in_transaction.clear();
    }
    ++result.statements;
    if (!s.parse_error.empty() && section.interpolated) {
      if (!interpolation_reported && rule_enabled("unlintable-migration", options))
        emit("unlintable-migration", {"this migration builds SQL at run time (${...} at line " + std::to_string(s.line) +
                                          "), which cannot be linted; pass literal SQL strings", "", 0, ""}, &s, i);
      interpolation_reported = true;
      continue;
    }
    std::optional<std::string> server_error;  // the target major's own parser, when it was asked
    bool newer_syntax = !s.parse_error.empty() && options.settings.pg_version > parser_major() && !is_mysql_error(s);
    if (newer_syntax && options.server_syntax_error) server_error = options.server_syntax_error(s.text);
    if (newer_syntax && !server_error) {
      // Syntax of a newer major, or an error: the scanner's tokens still tell the kind, the table and its locks.
      TokenStatement tokens = read_tokens(s.text);
      std::string major = std::to_string(options.settings.pg_version);
      if (rule_enabled("newer-syntax", options))
        emit("newer-syntax", {newer_syntax_message(s, tokens, state, options.settings.pg_version, bool(options.server_syntax_error)),
                              options.server_syntax_error ? "" : "let a PostgreSQL " + major + " server parse it: pgguard lint --server, or pgguard trace",
                              0, tokens.relation},
             &s, i);
      if (in_transaction && state.access_exclusive_in_transaction.empty())
        for (const auto& form : tokens.forms)
          if (!state.created_tables.count(form.relation) &&
              lock_fact(form.form, options.settings.pg_version).lock == "ACCESS EXCLUSIVE")
            state.access_exclusive_in_transaction = shorten(s.text, 80);
      continue;
    }
    if (!s.parse_error.empty()) {
      std::string error = server_error ? "PostgreSQL " + std::to_string(options.settings.pg_version) + " rejects this statement: " + *server_error
                                       : "PostgreSQL rejects this statement: " + s.parse_error;
      if (rule_enabled("parse-error", options)) emit("parse-error", {error, "rewrite it in PostgreSQL syntax", 0, ""}, &s, i);
      continue;
    }
    StatementContext context{*parsed, s, section, schema, state, options.settings, in_transaction};
    for (const EnabledRule* active : active_rules) {
      if (context.is_down() && active->info && active->info->category == "destructive") continue;
      found.clear();
      check_statement(*active->rule, active->info, context, found);
      for (const auto& f : found) emit(active->id, f, &s, i);
    }
    if (s.runs == Runs::WhenCalled) continue;  // a function body changes nothing until it is called
    advance(state, s, section.direction, context.forms(), schema, options.settings.pg_version, in_transaction);
    if (section.direction == Direction::Down && !first_down) first_down = schema.checkpoint();
    schema.apply(s.node);
    if (section.direction == Direction::Up && first_down) ups_after_down.push_back(&s);
  }

  LintRule::FileContext file_context{*parsed, schema, state, options.settings};
  for (const EnabledRule* active : active_rules) {
    found.clear();
    active->rule->finish(file_context, found);
    for (const auto& f : found) emit(active->id, f, nullptr, std::string::npos);
  }

  result.findings = findings.take();
  if (first_down) {
    schema.roll_back(*first_down);
    for (const Statement* s : ups_after_down) schema.apply(s->node);
  }
  if (parsed->file.is_down_file) schema.roll_back(*file_start);
  else if (file_start) schema.keep(*file_start);
  return result;
}

// The file's text, or the finding that says why it cannot be linted.
std::optional<std::string> readable_text(const std::string& path, const LintOptions& options, LintResult& result) {
  auto text = read_file_bounded(path, options.max_file_bytes);
  auto problem = [&](const std::string& message) {
    result.findings.push_back({"parse-error", Severity::Error, path, 1, 1, message, "", ""});
    return std::nullopt;
  };
  if (!text) {
    if (!is_regular_file(path)) return problem("the file cannot be read");
    return problem("the file is larger than " + std::to_string(options.max_file_bytes >> 20) + " MiB, the most the linter reads");
  }
  if (text->find('\0') != std::string::npos) return problem("the file holds binary data (NUL bytes), not SQL");
  if (!is_valid_utf8(*text)) return problem("the file is not valid UTF-8");
  return text;
}

Schema snapshot_schema(const LintOptions& options) {
  Schema schema;
  for (const auto& snapshot : options.schema_files) replay(schema, snapshot, Tool::Plain, options.max_file_bytes, false);
  return schema;
}

// A convention the project never stated is reported once per run, as information, not for every
// table; `reported` carries the conventions already said from file to file.
void quiet_unstated_conventions(LintResult& result, const LintOptions& options, std::set<std::string>& reported) {
  std::vector<LintFinding> kept;
  for (auto& f : result.findings) {
    bool unstated = unstated_convention(f.rule, options);
    if (unstated && !reported.insert(f.rule).second) continue;
    if (unstated) {
      f.severity = Severity::Info;
      f.message += " (The project states no such convention, so this is said once, not for every table: state it in "
                   "CLAUDE.md, or turn " + f.rule + " on in .pgguard.json, to check every table; or turn it off.)";
    }
    kept.push_back(std::move(f));
  }
  result.findings = std::move(kept);
}

}  // namespace

LintResult lint_text(const std::string& path, const std::string& text, const LintOptions& options) {
  if (is_foreign_dialect(path)) return {};  // popx's .mysql.up.sql and the like never reach PostgreSQL
  Schema history = snapshot_schema(options);
  Tool tool = options.tool ? *options.tool : detect_tool(path, text);
  size_t replayed = 0;
  if (options.replay_history) {
    std::vector<HistoryEntry> entries = migration_history(path, tool);
    size_t self = 0;
    while (self < entries.size() && entries[self].path != path) ++self;
    replayed = replay_earlier(history, entries, self, tool, options);
  }
  std::set<std::string> reported;
  LintResult result = lint_against(path, parse_migration(read_migration(path, text, tool)), options, enabled_rules(options), history, reported);
  result.history_files = replayed;
  quiet_unstated_conventions(result, options, reported);
  return result;
}

void lint_files(const std::vector<std::string>& paths, const LintOptions& options, const std::function<void(LintResult&&)>& each) {
  std::vector<LintResult> results(paths.size());
  std::vector<bool> ready(paths.size(), true);  // linted, or never to be (foreign, unreadable, empty)
  std::vector<std::optional<std::string>> texts(paths.size());
  std::map<std::string, std::vector<size_t>> by_history;  // history id -> indexes into paths, first seen first
  std::vector<std::string> order;
  std::vector<Tool> tools(paths.size(), Tool::Plain);
  for (size_t i = 0; i < paths.size(); ++i) {
    if (is_foreign_dialect(paths[i])) continue;
    texts[i] = readable_text(paths[i], options, results[i]);
    if (!texts[i] || texts[i]->find_first_not_of(" \t\n\v\f\r") == std::string::npos) continue;  // blank
    tools[i] = options.tool ? *options.tool : detect_tool(paths[i], *texts[i]);
    std::string id = options.replay_history ? history_id(paths[i], tools[i]) : paths[i];
    if (!by_history.count(id)) order.push_back(id);
    by_history[id].push_back(i);
    ready[i] = false;
  }

  // The work in the order it runs: per history, the files before the first one linted (replayed
  // at the start, from the history cache when it can), then each file linted or replayed in the
  // tool's order, then the files outside the tool's listing, each on its own.
  struct Task {
    size_t history;                  // index into starts
    size_t file = std::string::npos;  // index into paths; npos: a replayed earlier migration
    bool alone = false;              // linted against the snapshot only
  };
  struct Start {
    std::vector<HistoryEntry> entries;
    size_t first = 0;  // entries before it are replayed at the start
    Tool tool = Tool::Plain;
  };
  std::vector<Start> starts;
  std::vector<Task> tasks;
  unsigned threads = lint_threads(options.jobs);
  std::vector<ParseJob> jobs;
  auto lint_task = [&](size_t i, bool alone) {
    tasks.push_back({starts.size() - 1, i, alone});
    jobs.push_back({paths[i], std::move(texts[i]), tools[i], Comments::Read, options.max_file_bytes, threads});
  };
  for (const auto& id : order) {
    const auto& wanted = by_history[id];
    starts.push_back({{}, 0, tools[wanted[0]]});
    if (!options.replay_history) {
      lint_task(wanted[0], true);
      continue;
    }
    std::map<std::string, size_t> index_of;
    for (size_t i : wanted) index_of[paths[i]] = i;
    Start& start = starts.back();
    start.entries = migration_history(paths[wanted[0]], start.tool);
    while (start.first < start.entries.size() && !index_of.count(start.entries[start.first].path)) ++start.first;
    for (size_t k = start.first, left = wanted.size(); k < start.entries.size() && left > 0; ++k) {
      const HistoryEntry& entry = start.entries[k];
      auto it = index_of.find(entry.path);
      if (it != index_of.end()) {
        lint_task(it->second, false);
        index_of.erase(it);
        --left;
      } else if (!entry.down) {
        tasks.push_back({starts.size() - 1});
        jobs.push_back({entry.path, std::nullopt, start.tool, Comments::Skip, options.max_file_bytes, threads});
      }
    }
    for (const auto& entry : index_of) lint_task(entry.second, true);  // outside the tool's history listing
  }

  ParseAhead parses(std::move(jobs), threads);
  const std::vector<EnabledRule> enabled = enabled_rules(options);
  Schema snapshot = snapshot_schema(options);
  Schema history;
  size_t current = std::string::npos, replayed = 0, delivered = 0;
  std::set<std::string> reported;
  auto deliver = [&] {  // in the order of `paths`, each result as soon as those before it are out
    for (; delivered < paths.size() && ready[delivered]; ++delivered) {
      quiet_unstated_conventions(results[delivered], options, reported);
      each(std::move(results[delivered]));
      results[delivered] = LintResult{};
    }
  };
  deliver();
  for (const Task& task : tasks) {
    if (task.history != current) {
      current = task.history;
      history = snapshot;
      replayed = options.replay_history ? replay_earlier(history, starts[current].entries, starts[current].first, starts[current].tool, options) : 0;
    }
    std::unique_ptr<ParsedMigration> parsed = parses.next();
    if (task.file == std::string::npos) {
      if (parsed) apply_parsed(history, *parsed, true);
      ++replayed;
      continue;
    }
    if (task.alone) {
      size_t mark = snapshot.checkpoint();
      results[task.file] = lint_against(paths[task.file], std::move(parsed), options, enabled, snapshot, reported);
      snapshot.roll_back(mark);
    } else {
      results[task.file] = lint_against(paths[task.file], std::move(parsed), options, enabled, history, reported);
      results[task.file].history_files = replayed++;
    }
    ready[task.file] = true;
    deliver();
  }
}

std::vector<LintResult> lint_files(const std::vector<std::string>& paths, const LintOptions& options) {
  std::vector<LintResult> results;
  lint_files(paths, options, [&](LintResult&& result) { results.push_back(std::move(result)); });
  return results;
}

LintResult lint_path(const std::string& path, const LintOptions& options) { return std::move(lint_files({path}, options)[0]); }

}  // namespace pgguard::lint
