#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace pgguard {

struct BackupEvidence {
  std::string path;
  long age_minutes = 0;
  std::string format;  // "custom archive" or "plain dump"
};

// The newest pg_dump output (custom archive starting with PGDMP, or a plain dump with pg_dump's
// header) in any of `directories` under any of `roots`, modified within max_age.
std::optional<BackupEvidence> find_recent_backup(const std::vector<std::string>& roots, const std::vector<std::string>& directories,
                                                 std::chrono::hours max_age, std::chrono::system_clock::time_point now);

}  // namespace pgguard
