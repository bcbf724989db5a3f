#pragma once
#include <chrono>
#include <optional>
#include <string>

namespace pgguard {

// Reads at most max_bytes of a regular file; nullopt when missing, unreadable, not a regular file
// or larger than max_bytes.
std::optional<std::string> read_file_bounded(const std::string& path, size_t max_bytes);
bool is_regular_file(const std::string& path);
bool is_directory(const std::string& path);
// `path` (without a leading ./) joined to `base` unless it is absolute.
std::string resolve_path(const std::string& base, const std::string& path);
// The nearest directory at or above `start` holding `name`; empty when none (at most 32 levels).
std::string find_upward(const std::string& start, const std::string& name);
std::optional<std::chrono::system_clock::time_point> modification_time(const std::string& path);
// A new private directory under `parent` (default $TMPDIR, or /tmp) named after `prefix`; empty on failure.
std::string make_temp_directory(const std::string& prefix, const std::string& parent = "");
// Creates `dir` and any missing parents with `mode` (POSIX calls, for the cold-started hooks);
// false when one cannot be created.
bool make_directories(const std::string& dir, unsigned mode);
// Removes a directory tree (best effort).
void remove_tree(const std::string& path);

}  // namespace pgguard
