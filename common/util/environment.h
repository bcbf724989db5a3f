#pragma once
#include <map>
#include <string>

namespace pgguard {

// The process environment as a map.
std::map<std::string, std::string> process_environment();
// The process's working directory; empty when it cannot be read.
std::string current_directory();

}  // namespace pgguard
