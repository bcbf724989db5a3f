#pragma once
#include <map>
#include <string>

namespace pgguard {

// The process environment as a map.
std::map<std::string, std::string> process_environment();
// pgguard's directory in the user's cache: $XDG_CACHE_HOME/pgguard, else ~/.cache/pgguard; "" (no
// cache) when neither names an absolute path (a missing home is not created).
std::string user_cache_dir(const std::map<std::string, std::string>& env);
// The process's working directory; empty when it cannot be read.
std::string current_directory();

}  // namespace pgguard
