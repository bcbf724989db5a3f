#pragma once
#include <optional>
#include <string>
#include <vector>

namespace pgguard {

// Small read-only git queries with a short timeout; nullopt/false when git or the repository is
// not there.
std::optional<std::string> git_toplevel(const std::string& dir);
// Whether `path` (absolute) exists in the commit `revision` (HEAD, @{upstream}).
bool git_has_file_at(const std::string& path, const std::string& revision);
// Files (absolute) that are modified, added or untracked under `dir`.
std::vector<std::string> git_changed_files(const std::string& dir);

}  // namespace pgguard
