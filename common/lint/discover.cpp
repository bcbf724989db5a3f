#include "lint/discover.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <functional>
#include <set>

#include "lint/migration.h"
#include "lint/tools.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

bool skipped(const std::string& name) {
  const auto& names = skip_directories();
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Calls `visit` with every regular file under `root` (depth 8, skipped folders left out) until it
// returns false or `max_entries` directory entries were read.
void walk(const std::string& root, size_t max_entries, const std::function<bool(const std::string&)>& visit) {
  std::vector<std::pair<std::string, int>> stack = {{root, 0}};
  size_t entries = 0;
  while (!stack.empty()) {
    auto [dir, depth] = stack.back();
    stack.pop_back();
    DIR* handle = opendir(dir.c_str());
    if (!handle) continue;
    std::vector<std::string> files;
    while (dirent* entry = readdir(handle)) {
      if (++entries > max_entries) break;
      std::string name = entry->d_name;
      if (name == "." || name == ".." || skipped(name)) continue;
      std::string path = dir == "/" ? "/" + name : dir + "/" + name;
      unsigned char type = entry->d_type;
      if (type == DT_UNKNOWN) {  // some file systems leave the type to lstat
        struct stat st {};
        if (lstat(path.c_str(), &st) != 0) continue;
        type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
      }
      if (type == DT_DIR && depth < 8) stack.push_back({path, depth + 1});
      if (type == DT_REG) files.push_back(path);
    }
    closedir(handle);
    // Sorted per folder so that a bound cuts the same files every time.
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
      if (!visit(f)) return;
    if (entries > max_entries) return;
  }
}

std::string relative_to(const std::string& path, const std::string& root) {
  return starts_with(path, root + "/") ? path.substr(root.size()) : path;
}

// Whether a .sql file sits in a flat drizzle folder (its meta/_journal.json beside it), asked once
// per folder: the walk visits a folder's files together.
class JournalFolders {
 public:
  bool beside(const std::string& path) {
    if (!ends_with(path, ".sql")) return false;
    std::string dir = parent_dir(path);
    if (dir != dir_) {
      dir_ = dir;
      has_journal_ = is_regular_file(dir + "/meta/_journal.json");
    }
    return has_journal_;
  }

 private:
  std::string dir_;
  bool has_journal_ = false;
};

bool has_glob(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

std::string without_dot_slash(std::string path) {
  while (starts_with(path, "./")) path = path.substr(2);
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

}  // namespace

std::vector<std::string> find_migrations(const std::string& root, const std::vector<std::string>& globs, size_t max_files,
                                         size_t max_entries) {
  std::vector<std::string> found;
  JournalFolders journals;
  walk(root, max_entries, [&](const std::string& path) {
    if (is_migration_path(relative_to(path, root), globs) || journals.beside(path)) found.push_back(path);
    return found.size() < max_files;
  });
  std::sort(found.begin(), found.end());
  return found;
}

LintPaths expand_lint_paths(const std::vector<std::string>& args, const std::string& cwd, const std::string& project_root,
                            const std::vector<std::string>& globs) {
  LintPaths out;
  for (const auto& arg : args) {
    std::string path = resolve_path(cwd, without_dot_slash(arg));
    std::vector<std::string> files;
    if (has_glob(arg)) {
      std::string pattern = path;
      std::string prefix = pattern.substr(0, pattern.find_first_of("*?["));
      std::string start = prefix.substr(0, prefix.find_last_of('/'));
      walk(start.empty() ? "/" : start, 1000000, [&](const std::string& file) {
        if (glob_match(pattern, file) && !is_foreign_dialect(file)) files.push_back(file);
        return true;
      });
      if (files.empty()) out.error = arg + " matches no file";
    } else if (is_directory(path)) {
      std::string root = starts_with(path + "/", project_root + "/") ? project_root : parent_dir(path);
      JournalFolders journals;
      walk(path, 1000000, [&](const std::string& file) {
        if (is_migration_path(relative_to(file, root), globs) || journals.beside(file)) files.push_back(file);
        return true;
      });
      if (files.empty())  // a folder of SQL files that no tool's layout names
        walk(path, 1000000, [&](const std::string& file) {
          if (is_sql_file(file)) files.push_back(file);
          return true;
        });
      if (files.empty()) out.error = arg + " holds no migration (looked for " + layout_summary() + ", and any .sql file)";
    } else if (is_regular_file(path)) {
      files.push_back(path);
    } else {
      out.error = "cannot read " + arg;
    }
    if (!out.error.empty()) return out;
    std::sort(files.begin(), files.end());
    for (auto& f : files)
      if (std::find(out.files.begin(), out.files.end(), f) == out.files.end()) out.files.push_back(f);
  }
  return out;
}

LintPaths command_migrations(const std::vector<std::string>& args, const std::string& cwd, const std::string& project_root,
                             const std::vector<std::string>& globs) {
  LintPaths out = args.empty() ? LintPaths{find_migrations(project_root, globs), ""} : expand_lint_paths(args, cwd, project_root, globs);
  for (auto& file : out.files)
    if (starts_with(file, cwd + "/")) file = file.substr(cwd.size() + 1);
  return out;
}

std::string layout_summary() {
  std::vector<std::string> layouts;
  for (const auto& record : tool_records())
    for (const auto& layout : record.layouts) {
      std::string shown = starts_with(layout, "**/") ? layout.substr(3) : layout;
      if (std::find(layouts.begin(), layouts.end(), shown) == layouts.end()) layouts.push_back(shown);
    }
  return join(layouts, ", ") + ", Flyway V<n>__*.sql, golang-migrate <n>_*.up.sql";
}

}  // namespace pgguard::lint
