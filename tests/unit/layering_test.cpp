// The folders of common/ depend one way: from the doors (guard, setup) down to the parsers (pg,
// shell) and util. Every #include "folder/..." in common/ is checked against this table, so a new
// dependency is a decision made here, in review, and a cycle cannot creep in.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>

#include "support/corpus.h"
#include "util/files.h"
#include "util/text.h"

using namespace pgguard;

namespace {

const std::map<std::string, std::set<std::string>> kMayInclude = {
    {"util", {}},
    {"pg", {}},  // libpg_query calls and the parse-tree view
    {"shell", {}},
    {"hook_io", {"util"}},
    {"sql", {"pg", "util"}},   // the guard's SQL classifier
    {"lint", {"pg", "util"}},  // the migration linter
    {"sinks", {"shell", "util"}},
    {"server", {"lint", "util"}},
    {"policy", {"hook_io", "lint", "sinks", "sql", "util"}},
    {"clients", {"hook_io", "policy", "util"}},
    {"guard", {"clients", "hook_io", "lint", "policy", "shell", "sinks", "util"}},
    {"setup", {"clients", "guard", "lint", "policy", "util"}},
};

// The folder a quoted include names: "lint/schema.h" -> "lint"; "" for a file beside the includer.
std::string included_folder(const std::string& line) {
  std::string prefix = "#include \"";
  if (line.rfind(prefix, 0) != 0) return "";
  size_t slash = line.find('/', prefix.size());
  size_t quote = line.find('"', prefix.size());
  if (slash == std::string::npos || slash > quote) return "";
  return line.substr(prefix.size(), slash - prefix.size());
}

}  // namespace

TEST_CASE("layering: each folder of common/ includes only the folders below it", "[layering]") {
  std::filesystem::path common = testing::source_path("common");
  std::set<std::string> folders;
  for (const auto& entry : std::filesystem::directory_iterator(common))
    if (entry.is_directory()) folders.insert(entry.path().filename().string());
  for (const auto& folder : folders) {
    INFO("common/" << folder << " must have a row in kMayInclude");
    CHECK(kMayInclude.count(folder) == 1);
  }
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(common)) {
    std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h")) continue;
    std::string folder = entry.path().lexically_relative(common).begin()->string();
    auto allowed = kMayInclude.find(folder);
    if (allowed == kMayInclude.end()) continue;
    ++files;
    auto text = read_file_bounded(entry.path().string(), 1 << 20);
    REQUIRE(text);
    for (const auto& line : split_lines(*text)) {
      std::string included = included_folder(line);
      if (included.empty() || included == folder || !folders.count(included)) continue;
      INFO(entry.path().lexically_relative(common).string() << ": " << line);
      CHECK(allowed->second.count(included) == 1);
    }
  }
  CHECK(files > 100);
}

TEST_CASE("layering: the table itself has no cycle", "[layering]") {
  std::map<std::string, int> state;  // 1 while on the path, 2 when done
  std::function<bool(const std::string&)> acyclic = [&](const std::string& folder) {
    if (state[folder] == 1) return false;
    if (state[folder] == 2) return true;
    state[folder] = 1;
    for (const auto& below : kMayInclude.at(folder))
      if (!acyclic(below)) return false;
    state[folder] = 2;
    return true;
  };
  for (const auto& [folder, below] : kMayInclude) {
    INFO(folder);
    CHECK(acyclic(folder));
  }
}
