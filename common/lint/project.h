#pragma once
#include <optional>
#include <string>
#include <vector>

#include "lint/linter.h"
#include "util/budget.h"

namespace pgguard::lint {

// The lint settings of the project a file belongs to: .pgguard.json (postgres_version, tool,
// schema, stats, migrations, rules) found at or above `start`, the PostgreSQL version from
// CLAUDE.md when the config is silent, and .pgguard/stats.json when present.
struct LintProject {
  std::string root;  // the directory holding .pgguard.json, else `start`
  LintOptions options;
  std::vector<std::string> migration_globs;
  std::vector<std::string> notes;  // config problems (the defaults apply)
};

LintProject load_lint_project(const std::string& start);

// The PostgreSQL major version a CLAUDE.md at or above `start` states ("PostgreSQL: 16.x").
std::optional<int> postgres_version_from_claude_md(const std::string& start);

// Applies a lint rule setting ("off", "on", "error", "warning", "info"); throws on bad values.
void apply_rule_setting(LintOptions& options, const std::string& rule, const std::string& setting);

// Migration files under the project's default migration directories. The search stops after
// `max_files` files, `max_entries` directory entries or when `budget` expires, so a hook run
// from / or $HOME stays fast.
std::vector<std::string> find_migrations(const std::string& root, const std::vector<std::string>& globs, size_t max_files = 20000,
                                         size_t max_entries = 1000000, const Budget* budget = nullptr);

// The hooks' walk: a project with more entries than this outside node_modules, .git, build and
// vendor is searched in part.
constexpr size_t kHookSearchEntries = 20000;

}  // namespace pgguard::lint
