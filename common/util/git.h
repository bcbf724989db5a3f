#pragma once
#include <optional>
#include <set>
#include <string>

namespace pgguard {

// Small read-only git queries with a short timeout.

// The work tree holding `dir`: its nearest ancestor with a .git directory, or with the .git file
// of a linked worktree or submodule. Found without running git; nullopt outside a work tree.
std::optional<std::string> git_toplevel(const std::string& dir);
// Whether `path` (absolute) exists in the commit `revision` (HEAD, @{upstream}).
bool git_has_file_at(const std::string& path, const std::string& revision);
// Files (absolute) that are modified, added or untracked under `dir`; nullopt when `dir` is not
// in a work tree or git cannot tell.
std::optional<std::set<std::string>> git_changed_files(const std::string& dir);

// Files (absolute) in the commit `revision` of the work tree holding `dir`; nullopt when there is
// no such work tree or revision.
std::optional<std::set<std::string>> git_files_at(const std::string& dir, const std::string& revision);
// Files (absolute) added or modified since the merge base of HEAD and `base` (default: the upstream
// branch), committed or not, plus untracked files. The error says why git could not tell.
struct GitChanges {
  std::set<std::string> files;
  std::string error;
};
GitChanges git_changed_since(const std::string& dir, const std::string& base);

}  // namespace pgguard
