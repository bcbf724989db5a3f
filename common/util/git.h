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

}  // namespace pgguard
