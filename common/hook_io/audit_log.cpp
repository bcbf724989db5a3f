#include "hook_io/audit_log.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "util/secrets.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::audit {

std::string now_iso8601(std::chrono::system_clock::time_point now) {
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::string log_path(const std::string& project_dir, const std::map<std::string, std::string>& env) {
  std::string state;
  if (auto it = env.find("XDG_STATE_HOME"); it != env.end() && !it->second.empty()) {
    state = it->second;
  } else if (auto home = env.find("HOME"); home != env.end() && !home->second.empty()) {
    if (!is_directory(home->second)) return {};  // a missing home is not created
    state = home->second + "/.local/state";
  } else {
    state = "/tmp";
  }
  std::string name = base_name(project_dir.empty() ? std::string("default") : project_dir);
  if (name.empty() || name == "/") name = "root";
  char hash[17];
  std::snprintf(hash, sizeof(hash), "%016zx", std::hash<std::string>{}(project_dir));
  return state + "/pgguard/" + name + "-" + std::string(hash).substr(0, 8) + ".jsonl";
}

void append(const Entry& e, const Settings& settings, const std::string& path) noexcept {
  try {
    if (!settings.enabled || path.empty()) return;
    std::string dir = path.substr(0, path.find_last_of('/'));
    if (!make_directories(dir, 0700)) return;
    nlohmann::json line = {{"time", e.time}, {"hook", e.hook}, {"session_id", e.session_id}, {"cwd", e.cwd}, {"tool", e.tool},
                           {"decision", e.decision}, {"rules", e.rules}, {"subject", shorten(redact(e.subject), 2000)}};
    std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    int lock = ::open((path + ".lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
    if (lock < 0) return;
    if (flock(lock, LOCK_EX) == 0) {
      struct stat st {};
      if (::stat(path.c_str(), &st) == 0 && static_cast<size_t>(st.st_size) + text.size() > settings.max_bytes)
        ::rename(path.c_str(), (path + ".1").c_str());
      int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_APPEND | O_CLOEXEC, 0600);
      if (fd >= 0) {
        ssize_t written = ::write(fd, text.data(), text.size());  // one write: lines never interleave
        (void)written;
        ::close(fd);
      }
      flock(lock, LOCK_UN);
    }
    ::close(lock);
  } catch (...) {
  }
}

}  // namespace pgguard::audit
