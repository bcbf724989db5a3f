#include "sinks/package_scripts.h"

#include <glob.h>

#include <nlohmann/json.hpp>

#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks {

std::optional<PackageScripts> load_package_scripts(const std::string& start, size_t max_bytes) {
  std::string dir = find_upward(start, "package.json");
  if (dir.empty()) return std::nullopt;
  auto text = read_file_bounded(resolve_path(dir, "package.json"), max_bytes);
  if (!text) return std::nullopt;
  auto doc = nlohmann::json::parse(*text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  PackageScripts result{dir, {}, {}};
  auto scripts = doc.find("scripts");
  if (scripts != doc.end() && scripts->is_object()) {
    for (const auto& [name, body] : scripts->items())
      if (body.is_string()) result.scripts[name] = body.get<std::string>();
  }
  auto workspaces = doc.find("workspaces");
  if (workspaces != doc.end() && workspaces->is_object()) workspaces = workspaces->find("packages");  // yarn 1 { packages: [...] }
  if (workspaces != doc.end() && workspaces->is_array())
    for (const auto& pattern : *workspaces)
      if (pattern.is_string()) result.workspaces.push_back(pattern.get<std::string>());
  if (auto pnpm = read_file_bounded(resolve_path(dir, "pnpm-workspace.yaml"), max_bytes)) {
    bool in_packages = false;
    for (const auto& line : split_lines(*pnpm)) {
      std::string t = trim(line);
      if (!line.empty() && line[0] != ' ' && line[0] != '-') in_packages = starts_with(t, "packages:");
      else if (in_packages && starts_with(t, "- ")) {
        std::string pattern = trim(t.substr(2));
        if (pattern.size() >= 2 && (pattern[0] == '"' || pattern[0] == '\'') && pattern.back() == pattern[0]) pattern = pattern.substr(1, pattern.size() - 2);
        if (!pattern.empty() && pattern[0] != '!') result.workspaces.push_back(pattern);
      }
    }
  }
  return result;
}

std::vector<std::string> workspace_folders(const PackageScripts& root, size_t max_folders) {
  std::vector<std::string> out;
  for (const auto& pattern : root.workspaces) {
    glob_t g{};
    std::string full = resolve_path(root.directory, pattern);
    if (glob(full.c_str(), GLOB_ONLYDIR, nullptr, &g) == 0)
      for (size_t i = 0; i < g.gl_pathc && out.size() < max_folders; ++i)
        if (is_regular_file(std::string(g.gl_pathv[i]) + "/package.json")) out.emplace_back(g.gl_pathv[i]);
    globfree(&g);
  }
  return out;
}

}  // namespace pgguard::sinks
