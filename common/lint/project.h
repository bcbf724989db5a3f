#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lint/linter.h"

namespace pgguard::lint {

// The lint settings of the project a file belongs to: .pgguard.json (postgres_version, tool,
// schema, stats, migrations, rules) found at or above `start`, the PostgreSQL version from
// CLAUDE.md when the config is silent, .pgguard/stats.json when present, and the user's history cache.
struct LintProject {
  std::string root;  // the directory holding .pgguard.json, else `start`
  LintOptions options;
  std::vector<std::string> migration_globs;
  std::vector<std::string> notes;  // config problems (the defaults apply)
  bool pg_version_stated = false;  // by .pgguard.json or CLAUDE.md, not the default
};

LintProject load_lint_project(const std::string& start);

// The PostgreSQL major version a CLAUDE.md at or above `start` states ("PostgreSQL: 16.x").
std::optional<int> postgres_version_from_claude_md(const std::string& start);

// The convention rules a CLAUDE.md at or above `start` states (uuid keys, timestamptz, soft delete...).
std::set<std::string> conventions_stated_in_claude_md(const std::string& start);

// Applies a lint rule setting ("off", "on", "error", "warning", "info"); throws on bad values.
void apply_rule_setting(LintOptions& options, const std::string& rule, const std::string& setting);

}  // namespace pgguard::lint
