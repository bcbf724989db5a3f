#include "lint/history_cache.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string_view>
#include <vector>

#include "util/environment.h"
#include "util/files.h"

namespace pgguard::lint {
namespace {

constexpr size_t kMaxEntries = 32;
constexpr size_t kMaxEntryBytes = 4u << 20;
constexpr char kHeader[] = "pgguard-history-schema 2 ";  // 1 held JSON: such an entry is a miss

uint64_t fnv1a(std::string_view data) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : data) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

// Written by hand: a key is written out for every earlier migration on each hook call, and
// snprintf was a tenth of a cached PostToolUse call.
std::string hex64(uint64_t value) {
  static const char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (size_t i = 16; i-- > 0; value >>= 4) out[i] = digits[value & 15];
  return out;
}

// This executable: a rebuilt pgguard of the same version may replay differently.
std::string build_identity() {
  static const std::string identity = [] {
    struct stat st {};
    std::string id = PGGUARD_VERSION;
    if (::stat("/proc/self/exe", &st) == 0)
      id += " " + std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
    return id;
  }();
  return identity;
}

std::string entry_path(const std::string& dir, const std::string& key) { return dir + "/" + key + ".schema"; }

// Keeps the newest kMaxEntries entries (a hit refreshes an entry's time). Every name but the
// temporary ones (".entry-") counts, so entries of an older format are pruned first.
void prune(const std::string& dir) {
  std::vector<std::pair<long long, std::string>> entries;
  if (DIR* handle = opendir(dir.c_str())) {
    while (dirent* e = readdir(handle)) {
      std::string name = e->d_name;
      struct stat st {};
      if (name[0] != '.' && ::stat((dir + "/" + name).c_str(), &st) == 0)
        entries.push_back({st.st_mtim.tv_sec * 1000000000ll + st.st_mtim.tv_nsec, name});
    }
    closedir(handle);
  }
  if (entries.size() <= kMaxEntries) return;
  std::sort(entries.begin(), entries.end());
  for (size_t i = 0; i + kMaxEntries < entries.size(); ++i) ::unlink((dir + "/" + entries[i].second).c_str());
}

}  // namespace

std::string history_cache_dir(const std::map<std::string, std::string>& env) {
  std::string cache = user_cache_dir(env);
  return cache.empty() ? "" : cache + "/history";
}

HistoryKey::HistoryKey(const std::string& settings) {
  item_ = build_identity() + "\n" + settings;
  state_[0] = std::hash<std::string_view>{}(item_);
  state_[1] = fnv1a(item_);
}

std::optional<std::string> settled_stamp(const std::string& path, std::chrono::system_clock::time_point settled_before) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  auto since_epoch = [](const timespec& t) { return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec); };
  auto limit = settled_before.time_since_epoch();
  if (since_epoch(st.st_mtim) > limit || since_epoch(st.st_ctim) > limit) return std::nullopt;
  const uint64_t fields[] = {static_cast<uint64_t>(st.st_dev),          static_cast<uint64_t>(st.st_ino),
                             static_cast<uint64_t>(st.st_size),         static_cast<uint64_t>(st.st_mtim.tv_sec),
                             static_cast<uint64_t>(st.st_mtim.tv_nsec), static_cast<uint64_t>(st.st_ctim.tv_sec),
                             static_cast<uint64_t>(st.st_ctim.tv_nsec)};
  return std::string(reinterpret_cast<const char*>(fields), sizeof fields);
}

void HistoryKey::add_content(const std::string& path, const std::optional<std::string>& text) {
  if (text) add(path, 'c', *text);
  else add(path, '-', "");
}

void HistoryKey::add_stamp(const std::string& path, const std::string& stamp) { add(path, 's', stamp); }

void HistoryKey::add(const std::string& path, char kind, const std::string& data) {
  // Two different 64-bit hashes of the key so far, the path, and the content or stamp (its kind
  // said, so that neither can pass for the other), their lengths first.
  const uint64_t head[] = {state_[0], state_[1], path.size(), data.size()};
  item_.assign(reinterpret_cast<const char*>(head), sizeof head);
  item_ += path;
  item_ += kind;
  item_ += data;
  state_[0] = std::hash<std::string_view>{}(item_);
  state_[1] = fnv1a(item_);
}

std::string HistoryKey::hex() const { return hex64(state_[0]) + hex64(state_[1]); }

std::optional<Schema> load_cached_schema(const std::string& dir, const std::string& key) {
  if (dir.empty()) return std::nullopt;
  std::string path = entry_path(dir, key);
  auto text = read_file_bounded(path, kMaxEntryBytes);
  std::string header = kHeader + key + "\n";
  if (!text || text->compare(0, header.size(), header) != 0) return std::nullopt;
  auto schema = Schema::deserialize(std::string_view(*text).substr(header.size()));
  if (schema) ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);  // recently used: pruned last
  return schema;
}

void store_cached_schema(const std::string& dir, const std::string& key, const Schema& schema) {
  if (dir.empty() || !make_directories(dir, 0700)) return;
  std::string text = kHeader + key + "\n" + schema.serialize();
  if (text.size() > kMaxEntryBytes) return;
  // Written under a name of its own and renamed: a concurrent hook reads the old entry, the new one or none.
  std::string temporary = dir + "/.entry-XXXXXX";
  int fd = ::mkstemp(temporary.data());
  if (fd < 0) return;
  bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!written || ::rename(temporary.c_str(), entry_path(dir, key).c_str()) != 0) {
    ::unlink(temporary.c_str());
    return;
  }
  prune(dir);
}

}  // namespace pgguard::lint
