#include "util/environment.h"

#include <unistd.h>

#include "util/files.h"

extern char** environ;

namespace pgguard {

std::map<std::string, std::string> process_environment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string entry(*e);
    size_t eq = entry.find('=');
    if (eq != std::string::npos) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  return env;
}

std::string user_cache_dir(const std::map<std::string, std::string>& env) {
  if (auto it = env.find("XDG_CACHE_HOME"); it != env.end() && !it->second.empty() && it->second[0] == '/') return it->second + "/pgguard";
  if (auto it = env.find("HOME"); it != env.end() && !it->second.empty() && it->second[0] == '/' && is_directory(it->second))
    return it->second + "/.cache/pgguard";
  return "";
}

std::string current_directory() {
  char buffer[4096];
  return ::getcwd(buffer, sizeof(buffer)) ? std::string(buffer) : std::string();
}

}  // namespace pgguard
