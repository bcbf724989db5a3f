#include "lint/inventory.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "lint/history.h"
#include "lint/tools.h"
#include "util/environment.h"
#include "util/files.h"
#include "util/git.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

}  // namespace

std::string version_digits(const std::string& name) {
  std::string digits;
  for (char c : name) {
    if (c >= '0' && c <= '9') digits += c;
    else if (c != '-') break;
  }
  size_t first = digits.find_first_not_of('0');
  return first == std::string::npos ? (digits.empty() ? "" : "0") : digits.substr(first);
}

namespace {

std::string stem(const std::string& name) { return name.substr(0, name.find_last_of('.')); }

// What the tool's bookkeeping table records for a migration file.
std::string bookkeeping_name(const ToolRecord& record, const std::string& path, const std::string& text) {
  std::string name = base_name(path);
  std::string unit = is_folder_migration_file(name) ? base_name(parent_dir(path)) : name;
  const std::string& match = record.bookkeeping_match;
  if (match == "file-name") return name;
  if (match == "file-stem") return stem(name);
  if (match == "folder-name") return unit;
  if (match == "version" || match == "max-version") return version_digits(unit);
  if (match == "flyway-version") {
    std::string version = unit.substr(1, unit.find("__") == std::string::npos ? 0 : unit.find("__") - 1);
    std::replace(version.begin(), version.end(), '_', '.');
    return version;
  }
  if (match == "class-name") {
    static const RE2 class_name(R"(export\s+(?:default\s+)?class\s+(\w+))");
    std::string found;
    RE2::PartialMatch(text, class_name, &found);
    return found;
  }
  if (match == "journal") {  // drizzle records the journal's "when" of the newest applied migration
    auto journal = read_file_bounded(parent_dir(path) + "/meta/_journal.json", 4 << 20);
    auto doc = journal ? nlohmann::json::parse(*journal, nullptr, false) : nlohmann::json();
    if (doc.is_object() && doc.contains("entries") && doc["entries"].is_array())
      for (const auto& entry : doc["entries"])
        if (entry.is_object() && entry.value("tag", "") == stem(name) && entry.contains("when") && entry["when"].is_number_integer())
          return std::to_string(entry["when"].get<long long>());
  }
  return "";
}

std::string direction_of(const MigrationFile& file) {
  if (file.is_down_file) return "down";
  bool down = std::any_of(file.sections.begin(), file.sections.end(), [](const Section& s) { return s.direction == Direction::Down; });
  bool up = std::any_of(file.sections.begin(), file.sections.end(), [](const Section& s) { return s.direction == Direction::Up; });
  if (down && up) return "up+down";
  if (down) return "down";
  if (!up && tool_record(file.tool).down == DownConvention::Methods && file.text.find("down") != std::string::npos) return "up+down";
  return "up";
}

// Shared state per work tree: the files at HEAD and on the upstream branch, listed once.
class GitStates {
 public:
  std::string state(const std::string& path) {
    auto top = git_toplevel(parent_dir(absolute(path)));
    if (!top) return "unknown";
    auto& trees = trees_[*top];
    if (!trees.first) {
      trees.first = git_files_at(*top, "HEAD").value_or(std::set<std::string>{});
      trees.second = git_files_at(*top, "@{upstream}").value_or(std::set<std::string>{});
    }
    std::string full = absolute(path);
    if (trees.second->count(full)) return "upstream";
    if (trees.first->count(full)) return "committed";
    return "new";
  }

 private:
  static std::string absolute(const std::string& path) { return resolve_path(current_directory(), path); }
  std::map<std::string, std::pair<std::optional<std::set<std::string>>, std::optional<std::set<std::string>>>> trees_;
};

}  // namespace

const char* transaction_name(TxMode mode) {
  switch (mode) {
    case TxMode::Single: return "single";
    case TxMode::Implicit: return "implicit";
    case TxMode::Autocommit: break;
  }
  return "autocommit";
}

std::vector<MigrationInfo> migration_inventory(const std::vector<std::string>& files, std::optional<Tool> forced_tool) {
  std::set<std::string> wanted(files.begin(), files.end());
  std::set<std::string> listed;
  std::vector<std::string> ordered;
  std::map<std::string, std::string> texts;
  for (const auto& path : files) {
    if (listed.count(path)) continue;
    texts[path] = read_file_bounded(path, 16 << 20).value_or("");
    Tool tool = forced_tool ? *forced_tool : detect_tool(path, texts[path]);
    for (const auto& entry : migration_history(path, tool))
      if (wanted.count(entry.path) && listed.insert(entry.path).second) ordered.push_back(entry.path);
    if (listed.insert(path).second) ordered.push_back(path);
  }
  GitStates git;
  std::vector<MigrationInfo> out;
  for (const auto& path : ordered) {
    if (!texts.count(path)) texts[path] = read_file_bounded(path, 16 << 20).value_or("");
    MigrationFile file = read_migration(path, texts[path], forced_tool);
    MigrationInfo info;
    info.path = path;
    info.tool = file.tool;
    info.direction = direction_of(file);
    info.transaction = file.sections.empty() ? tool_record(file.tool).transaction : file.sections.front().tx;
    // A script that opens its own transaction (sqitch's deploy template) runs in one all the same.
    static const RE2 explicit_begin(R"((?im)^\s*(BEGIN|START\s+TRANSACTION)\s*;)");
    if (info.transaction == TxMode::Autocommit && !is_script_language(path) && RE2::PartialMatch(texts[path], explicit_begin))
      info.transaction = TxMode::Single;
    info.state = git.state(path);
    info.bookkeeping_name = bookkeeping_name(tool_record(file.tool), path, texts[path]);
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace pgguard::lint
