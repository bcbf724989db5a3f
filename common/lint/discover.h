#pragma once
#include <string>
#include <vector>

namespace pgguard::lint {

// Migration files under `root` (sorted): every tool's layouts plus `globs`, skipping dependency
// and build folders. Bounded by counts only, so the same tree always gives the same answer.
std::vector<std::string> find_migrations(const std::string& root, const std::vector<std::string>& globs, size_t max_files = 20000,
                                         size_t max_entries = 1000000);

// The hooks' walk: a project with more entries than this outside the skipped folders is searched in part.
constexpr size_t kHookSearchEntries = 20000;

struct LintPaths {
  std::vector<std::string> files;  // in argument order, each argument's files sorted
  std::string error;               // an argument that yields no migration, with what was looked for
};

// What `pgguard lint <paths>` lints: a directory is walked for migrations under the tools' layouts
// (every .sql file in it when none matches), a glob (quoted or not) is expanded relative to `cwd`,
// a file is taken as it is. An argument that yields nothing is an error.
LintPaths expand_lint_paths(const std::vector<std::string>& args, const std::string& cwd, const std::string& project_root,
                            const std::vector<std::string>& globs);

// The migrations a command is given: `args` as expand_lint_paths reads them, or with none every
// migration under `project_root`. Paths under `cwd` come back relative to it, as a user types them.
LintPaths command_migrations(const std::vector<std::string>& args, const std::string& cwd, const std::string& project_root,
                             const std::vector<std::string>& globs);

// The layouts searched, for messages ("drizzle/*.sql, prisma/migrations/*/migration.sql, ...").
std::string layout_summary();

}  // namespace pgguard::lint
