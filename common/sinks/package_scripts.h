#pragma once
#include <map>
#include <optional>
#include <string>

namespace pgguard::sinks {

struct PackageScripts {
  std::string directory;  // where package.json is
  std::map<std::string, std::string> scripts;
};

// The "scripts" of the nearest package.json at or above `start`; nullopt when there is none or it
// cannot be read as JSON within max_bytes.
std::optional<PackageScripts> load_package_scripts(const std::string& start, size_t max_bytes);

}  // namespace pgguard::sinks
