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
  bool permissions = false;  // Claude Code only: allow and deny rules for migration commands
  std::string client = "claude";  // a known client name (clients/client.h)
};

// The client's hook settings, .pgguard.json and the client's instructions file (CLAUDE.md,
// GEMINI.md, AGENTS.md...) after init, merged into what is there: other hooks, permissions and
// unknown keys are kept; running it again changes nothing.
std::vector<FileChange> plan_init(const InitOptions& options);
// The same files with exactly what init added for that client taken out again (.pgguard.json and
// a shared instructions file stay while another client still uses them).
std::vector<FileChange> plan_uninstall(const std::string& project, const std::string& client = "claude");

// Writes the planned files (a .bak of each changed existing file first); returns false on an I/O error.
bool apply(const std::vector<FileChange>& changes, std::string& error);
// A unified-style line diff for --dry-run.
std::string diff(const FileChange& change);

// The marked block for the instructions file, generated from the active policy and rule tables.
std::string instructions_block();

// What init detects about a project: migration tool, migration directories, PostgreSQL version.
nlohmann::json detect_project(const std::string& project);

struct Check {
  std::string name;
  bool ok;
  std::string detail;  // what is wrong and how to fix it, or what was found
};

// `pgguard doctor`: executables, settings wiring, config, migration directories, self-tests.
std::vector<Check> doctor(const std::string& project, const std::string& bin_dir, const std::string& client = "claude");

}  // namespace pgguard::setup
