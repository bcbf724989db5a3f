#include "policy/backup.h"

#include <dirent.h>

#include <fstream>

#include "util/files.h"

namespace pgguard {
namespace {

std::string dump_format(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (head.compare(0, 5, "PGDMP") == 0) return "custom archive";
  if (head.find("-- PostgreSQL database dump") != std::string::npos) return "plain dump";
  if (head.find("-- PostgreSQL database cluster dump") != std::string::npos) return "plain dump";
  return "";
}

}  // namespace

std::optional<BackupEvidence> find_recent_backup(const std::vector<std::string>& roots, const std::vector<std::string>& directories,
                                                 std::chrono::hours max_age, std::chrono::system_clock::time_point now) {
  std::optional<BackupEvidence> best;
  std::chrono::system_clock::time_point best_time;
  for (const auto& root : roots) {
    for (const auto& directory : directories) {
      std::string dir = resolve_path(root, directory);
      DIR* handle = opendir(dir.c_str());
      if (!handle) continue;
      int seen = 0;
      while (dirent* entry = readdir(handle)) {
        if (++seen > 1000) break;  // bound the scan of a large folder
        std::string path = resolve_path(dir, entry->d_name);
        if (entry->d_name[0] == '.' || !is_regular_file(path)) continue;
        auto modified = modification_time(path);
        if (!modified || now - *modified > max_age || (best && *modified <= best_time)) continue;
        std::string format = dump_format(path);
        if (format.empty()) continue;
        auto age = std::chrono::duration_cast<std::chrono::minutes>(now - *modified).count();
        best = BackupEvidence{path, static_cast<long>(std::max<long long>(0, age)), format};
        best_time = *modified;
      }
      closedir(handle);
    }
  }
  return best;
}

}  // namespace pgguard
