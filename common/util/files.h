#pragma once
#include <chrono>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace pgguard {

// Reads at most max_bytes of a regular file; nullopt when missing, unreadable, not a regular file
// or larger than max_bytes.
std::optional<std::string> read_file_bounded(const std::string& path, size_t max_bytes);
bool is_regular_file(const std::string& path);
// A name in a folder and its type as the listing gives it (DT_REG, DT_DIR, DT_LNK, DT_UNKNOWN...).
struct DirEntry {
  std::string name;
  unsigned char type;
};
// The names in `dir` but "." and "..", at most `max_entries`, in listing order; empty when it cannot
// be read. One listing instead of a stat per name asked about.
std::vector<DirEntry> list_directory(const std::string& dir, size_t max_entries = std::numeric_limits<size_t>::max());
// Whether a listed name is a regular file, a symlink counting as its target: the listing's type says
// so without a stat, except for a symlink or where the file system leaves the type out.
bool is_regular_entry(const std::string& dir, const DirEntry& entry);
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
