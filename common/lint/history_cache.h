#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "lint/schema.h"

namespace pgguard::lint {

// The schema the earlier migrations of a history build, kept between runs: a hook that lints the
// newest migration then reads one file instead of parsing the whole history again on every call.
// An entry's key covers this pgguard build, the replay settings, the schema replay starts from and
// the path and content (or, once settled, the stat data) of every replayed file, so an entry
// describes exactly those files or is never found. Entries are written whole (rename), bounded in
// number and size, and an entry that cannot be read is a miss: the history is replayed as if there
// were no cache.

// $XDG_CACHE_HOME/pgguard/history, else ~/.cache/pgguard/history; "" (no cache) without either.
std::string history_cache_dir(const std::map<std::string, std::string>& env);

// A file's stat data (device, inode, size, mtime, ctime) when both its times are at or before
// `settled_before`, else nullopt (also when it cannot be stat'ed). Any write to a file sets its
// ctime to the time of the write, which the file system cannot set back, so a file whose ctime
// had already passed when its stamp was taken has that stamp only while unchanged. A file written
// more recently may be written again within the same tick of its file system's clock, to the same
// size: it enters a key by its content instead.
std::optional<std::string> settled_stamp(const std::string& path, std::chrono::system_clock::time_point settled_before);

// A key built file by file: after each add it names the schema of the files added so far.
class HistoryKey {
 public:
  explicit HistoryKey(const std::string& settings);  // what replay depends on besides the files
  void add_content(const std::string& path, const std::optional<std::string>& text);  // nullopt: unreadable
  void add_stamp(const std::string& path, const std::string& stamp);                 // from settled_stamp
  std::string hex() const;

 private:
  void add(const std::string& path, char kind, const std::string& data);
  uint64_t state_[2];  // two different 64-bit hashes of everything added
  std::string item_;   // what the next add hashes, one buffer for every file
};

std::optional<Schema> load_cached_schema(const std::string& dir, const std::string& key);
void store_cached_schema(const std::string& dir, const std::string& key, const Schema& schema);

}  // namespace pgguard::lint
