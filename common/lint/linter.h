#pragma once
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lint/migration.h"
#include "lint/rule.h"

namespace pgguard::lint {

struct TableStats {
  long long rows = 0;
  long long bytes = 0;
};

struct LintOptions {
  Settings settings;
  std::optional<Tool> tool;                    // detected when unset
  std::set<std::string> enable, disable;       // rule ids
  std::map<std::string, Severity> severities;  // per-rule overrides
  std::vector<std::string> schema_files;       // snapshots that seed the schema (DML ignored)
  std::map<std::string, TableStats> stats;     // table sizes: lock findings scale with them
  bool replay_history = true;                  // replay earlier migrations of the directory
  std::set<std::string> stated_conventions;    // convention rules the project's CLAUDE.md states
  size_t max_file_bytes = 16u << 20;
  std::string history_cache;  // directory of the history cache (see history_cache.h); "" for none
  // A history file unchanged this long enters the cache's key by its stat data, unread (see
  // settled_stamp); one changed more recently by its content.
  std::chrono::seconds history_settle{3};
  unsigned jobs = 0;          // threads that parse files; 0: one per hardware thread
  // A server of the target major that judges statements the parser cannot read (lint --server):
  // nullopt when it parses the statement, else its syntax error.
  std::function<std::optional<std::string>(const std::string& statement)> server_syntax_error;
};

struct LintFinding {
  std::string rule;
  Severity severity = Severity::Warning;
  std::string file;
  int line = 1;
  int column = 1;
  std::string message;
  std::string statement;  // shortened
  std::string fix;
};

struct LintResult {
  std::vector<LintFinding> findings;
  Tool tool = Tool::Plain;
  size_t statements = 0;
  size_t history_files = 0;
};

// Lints one migration as it is now, with the schema its directory's earlier migrations build.
LintResult lint_text(const std::string& path, const std::string& text, const LintOptions& options);
// Reads the file (bounded) and lints it; unreadable, binary, empty or huge files give a finding.
LintResult lint_path(const std::string& path, const LintOptions& options);
// Lints many files in one run, results in the same order: every history is replayed once, in the
// tool's order, and each file is linted against the schema the files before it build (a down file
// against the schema after its own up). Linear in the number of files.
std::vector<LintResult> lint_files(const std::vector<std::string>& paths, const LintOptions& options);
// The same, each result handed to `each` as soon as it and those before it are done, so that a
// report is written while later files are linted and no more results are held than must wait.
void lint_files(const std::vector<std::string>& paths, const LintOptions& options, const std::function<void(LintResult&&)>& each);

bool rule_enabled(const std::string& id, const LintOptions& options);
// Parses a stats file: {"tables": {"orders": {"rows": N, "bytes": N}}} or the same map at the top.
std::map<std::string, TableStats> parse_stats(const std::string& json_text);

}  // namespace pgguard::lint
