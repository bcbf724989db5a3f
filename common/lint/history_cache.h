#pragma once
#include <map>
#include <optional>
#include <string>

#include "lint/schema.h"

namespace pgguard::lint {

// The schema the earlier migrations of a history build, kept between runs: a hook that lints the
// newest migration then reads one file instead of parsing the whole history again on every call.
// An entry's key covers this pgguard build, the replay settings, the schema replay starts from and
// the path and content of every replayed file, so an entry describes exactly those files or is
// never found. Entries are written whole (rename), bounded in number and size, and an entry that
// cannot be read is a miss: the history is replayed as if there were no cache.

// $XDG_CACHE_HOME/pgguard/history, else ~/.cache/pgguard/history; "" (no cache) without either.
std::string history_cache_dir(const std::map<std::string, std::string>& env);

// A key built file by file: after each add() it names the schema of the files added so far.
class HistoryKey {
 public:
  explicit HistoryKey(const std::string& settings);  // what replay depends on besides the files
  void add(const std::string& path, const std::optional<std::string>& text);
  std::string hex() const;

 private:
  std::string current_;
};

std::optional<Schema> load_cached_schema(const std::string& dir, const std::string& key);
void store_cached_schema(const std::string& dir, const std::string& key, const Schema& schema);

}  // namespace pgguard::lint
