#include "util/files.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>

namespace pgguard {

// POSIX reads: the hooks start cold for every call, and a first std::ifstream builds locale
// facets that cost more than the read.
std::optional<std::string> read_file_bounded(const std::string& path, size_t max_bytes) {
  if (path.empty()) return std::nullopt;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);  // a FIFO must not block the open
  if (fd < 0) return std::nullopt;
  std::optional<std::string> out;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) <= max_bytes) {
    std::string data(static_cast<size_t>(st.st_size), '\0');
    size_t done = 0;
    while (done < data.size()) {
      ssize_t n = ::read(fd, data.data() + done, data.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    data.resize(done);
    out = std::move(data);
  }
  ::close(fd);
  return out;
}

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::vector<DirEntry> list_directory(const std::string& dir, size_t max_entries) {
  std::vector<DirEntry> entries;
  DIR* handle = opendir(dir.c_str());
  if (!handle) return entries;
  while (dirent* entry = readdir(handle)) {
    if (entries.size() >= max_entries) break;
    std::string name = entry->d_name;
    if (name != "." && name != "..") entries.push_back({std::move(name), entry->d_type});
  }
  closedir(handle);
  return entries;
}

bool is_regular_entry(const std::string& dir, const DirEntry& entry) {
  if (entry.type == DT_LNK || entry.type == DT_UNKNOWN) return is_regular_file(dir + "/" + entry.name);
  return entry.type == DT_REG;
}

bool is_directory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string resolve_path(const std::string& base, const std::string& path) {
  std::string relative = path;
  while (relative.size() > 2 && relative.compare(0, 2, "./") == 0) relative = relative.substr(2);  // ./x is x
  if (relative.empty() || relative[0] == '/' || base.empty()) return relative;
  if (base.back() == '/') return base + relative;
  return base + "/" + relative;
}

std::string find_upward(const std::string& start, const std::string& name) {
  std::string dir = start;
  for (int level = 0; level < 32 && !dir.empty(); ++level) {
    if (is_regular_file(resolve_path(dir, name))) return dir;
    if (dir == "/") break;
    size_t slash = dir.find_last_of('/');
    dir = slash == 0 ? "/" : slash == std::string::npos ? "" : dir.substr(0, slash);
  }
  return {};
}

std::optional<std::chrono::system_clock::time_point> modification_time(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  auto since_epoch = std::chrono::seconds(st.st_mtim.tv_sec) + std::chrono::nanoseconds(st.st_mtim.tv_nsec);
  return std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::system_clock::duration>(since_epoch));
}

std::string make_temp_directory(const std::string& prefix, const std::string& parent) {
  const char* tmp = std::getenv("TMPDIR");
  std::string base = !parent.empty() ? parent : tmp && *tmp ? tmp : "/tmp";
  std::string pattern = base + "/" + prefix + "-XXXXXX";
  return ::mkdtemp(pattern.data()) ? pattern : std::string();
}

bool make_directories(const std::string& dir, unsigned mode) {
  for (size_t slash = dir.find('/', 1);; slash = dir.find('/', slash + 1)) {
    std::string part = dir.substr(0, slash);
    if (::mkdir(part.c_str(), static_cast<mode_t>(mode)) != 0 && errno != EEXIST) return false;
    if (slash == std::string::npos) return true;
  }
}

void remove_tree(const std::string& path) {
  std::error_code ignored;
  std::filesystem::remove_all(path, ignored);
}

}  // namespace pgguard
