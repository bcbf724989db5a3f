#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pgguard::setup {

// What `pgguard init` would write into a project, and what it would change.
struct FileChange {
  std::string path;
  std::string before;  // empty when the file does not exist
  std::string after;   // empty when the file is removed
  std::string note;    // said to the user with the change, e.g. why a file is kept
  bool changed() const { return before != after; }
};

// The project that `dir` belongs to: the git work tree holding it, else the nearest directory at
// or above it with a package.json, pyproject.toml, go.mod, Cargo.toml, Gemfile or mix.exs, else
// `dir` itself. init, doctor and uninstall work there when no --project is given.
std::string project_root(const std::string& dir);

struct InitOptions {
  std::string project;    // the project root
  std::string bin_dir;    // where pgguard-pre-tool-use and pgguard-post-tool-use are
  bool permissions = false;
};

// The settings.json, .pgguard.json and CLAUDE.md contents after init, merged into what is there:
// other hooks, permissions and unknown keys are kept; running it again changes nothing.
std::vector<FileChange> plan_init(const InitOptions& options);
// The same files with exactly what init added taken out again.
std::vector<FileChange> plan_uninstall(const std::string& project);

// Writes the planned files (a .bak of each changed existing file first); returns false on an I/O error.
bool apply(const std::vector<FileChange>& changes, std::string& error);
// A unified-style line diff for --dry-run.
std::string diff(const FileChange& change);

// The marked CLAUDE.md block, generated from the active policy and rule tables.
std::string claude_md_block();

// What init detects about a project: migration tool, migration directories, PostgreSQL version.
nlohmann::json detect_project(const std::string& project);

struct Check {
  std::string name;
  bool ok;
  std::string detail;  // what is wrong and how to fix it, or what was found
};

// `pgguard doctor`: executables, settings wiring, config, migration directories, self-tests.
std::vector<Check> doctor(const std::string& project, const std::string& bin_dir);

}  // namespace pgguard::setup
