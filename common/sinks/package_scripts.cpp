#include "sinks/package_scripts.h"

#include <nlohmann/json.hpp>

#include "util/files.h"

namespace pgguard::sinks {

std::optional<PackageScripts> load_package_scripts(const std::string& start, size_t max_bytes) {
  std::string dir = find_upward(start, "package.json");
  if (dir.empty()) return std::nullopt;
  auto text = read_file_bounded(resolve_path(dir, "package.json"), max_bytes);
  if (!text) return std::nullopt;
  auto doc = nlohmann::json::parse(*text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  PackageScripts result{dir, {}};
  auto scripts = doc.find("scripts");
  if (scripts != doc.end() && scripts->is_object()) {
    for (const auto& [name, body] : scripts->items())
      if (body.is_string()) result.scripts[name] = body.get<std::string>();
  }
  return result;
}

}  // namespace pgguard::sinks
