#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pgguard::sinks {

struct PackageScripts {
  std::string directory;  // where package.json is
  std::map<std::string, std::string> scripts;
  std::vector<std::string> workspaces;  // package folder patterns: "workspaces", pnpm-workspace.yaml
};

// The "scripts" of the nearest package.json at or above `start`; nullopt when there is none or it
// cannot be read as JSON within max_bytes.
std::optional<PackageScripts> load_package_scripts(const std::string& start, size_t max_bytes);

// The folders of a monorepo's workspace packages (at most max_folders), from the root's patterns.
std::vector<std::string> workspace_folders(const PackageScripts& root, size_t max_folders);

}  // namespace pgguard::sinks
