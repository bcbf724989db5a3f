#include "lint/history.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "lint/tools.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

const char* const kFolderFiles[] = {"migration.sql", "up.sql", "down.sql"};

}  // namespace

bool is_folder_migration_file(const std::string& name) {
  return std::find(std::begin(kFolderFiles), std::end(kFolderFiles), name) != std::end(kFolderFiles);
}

namespace {

// The names in a folder but hidden ones.
std::vector<DirEntry> list_dir(const std::string& dir, size_t max_files) {
  std::vector<DirEntry> names;
  for (auto& entry : list_directory(dir))
    if (entry.name[0] != '.' && names.size() < max_files) names.push_back(std::move(entry));
  return names;
}

// The folder a history lives in.
std::string history_root(const std::string& path, Tool tool) {
  std::string dir = parent_dir(path);
  if (is_folder_migration_file(base_name(path)) || (tool == Tool::Sqitch && (base_name(dir) == "deploy" || base_name(dir) == "revert")))
    return parent_dir(dir);
  return dir;
}

// The numbers a version-ordered name starts with: V17.1__x -> {17, 1}; 20240101_x.up.sql -> {20240101}.
std::vector<long long> leading_version(const std::string& name, bool flyway_prefix) {
  std::vector<long long> numbers;
  std::string current;
  size_t i = flyway_prefix && !name.empty() && std::isalpha(static_cast<unsigned char>(name[0])) ? 1 : 0;
  for (; i < name.size(); ++i) {
    char c = name[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      current += c;
    } else if ((c == '.' || c == '_') && name.compare(i, 2, "__") != 0 && !current.empty()) {
      numbers.push_back(std::stoll(current.substr(0, 18)));
      current.clear();
    } else {
      break;
    }
  }
  if (!current.empty()) numbers.push_back(std::stoll(current.substr(0, 18)));
  return numbers;
}

// The name that pairs an up with its down: 1_x.up.sql and 1_x.down.sql -> 1_x.
std::string unit_name(const std::string& path, const ToolRecord& record) {
  std::string name = base_name(path);
  if (is_folder_migration_file(name)) return base_name(parent_dir(path));
  for (const char* suffix : {".up.sql", ".down.sql"})
    if (ends_with(name, suffix)) return name.substr(0, name.size() - std::string(suffix).size());
  if (record.down == DownConvention::PrefixU && !name.empty() && (name[0] == 'U' || name[0] == 'V')) return name.substr(1);
  return name;
}

// sqitch applies changes in sqitch.plan's order.
std::map<std::string, long long> sqitch_plan_order(const std::string& root) {
  std::map<std::string, long long> order;
  auto plan = read_file_bounded(root + "/sqitch.plan", 4 << 20);
  if (!plan) return order;
  for (const auto& raw : split_lines(*plan)) {
    std::string line = trim(raw);
    if (line.empty() || line[0] == '%' || line[0] == '#' || line[0] == '@') continue;
    std::string change = line.substr(0, line.find_first_of(" \t"));
    order.emplace(change, static_cast<long long>(order.size()));
  }
  return order;
}

// Alembic applies revisions along their down_revision chain; the file names are random ids.
std::map<std::string, long long> alembic_chain_order(const std::string& root, const std::vector<std::string>& files) {
  static const RE2 revision(R"((?m)^revision\s*(?::[^=\n]*)?=\s*['"]([^'"]+)['"])");
  static const RE2 down(R"((?m)^down_revision\s*(?::[^=\n]*)?=\s*([^\n]*))");
  static const RE2 quoted(R"(['"]([^'"]+)['"])");
  std::map<std::string, std::string> file_of;               // revision -> file
  std::map<std::string, std::vector<std::string>> parents;  // revision -> down revisions
  for (const auto& file : files) {
    auto text = read_file_bounded(root + "/" + file, 1 << 20);
    std::string rev, down_text;
    if (!text || !RE2::PartialMatch(*text, revision, &rev)) continue;
    file_of[rev] = file;
    if (RE2::PartialMatch(*text, down, &down_text)) {
      re2::StringPiece input(down_text);
      std::string parent;
      while (RE2::FindAndConsume(&input, quoted, &parent)) parents[rev].push_back(parent);
    }
  }
  std::map<std::string, long long> depth;
  std::function<long long(const std::string&, int)> depth_of = [&](const std::string& rev, int guard) -> long long {
    if (auto it = depth.find(rev); it != depth.end()) return it->second;
    long long d = 0;
    if (guard < 10000)
      for (const auto& p : parents[rev])
        if (file_of.count(p)) d = std::max(d, depth_of(p, guard + 1) + 1);
    return depth[rev] = d;
  };
  std::map<std::string, long long> order;
  for (const auto& [rev, file] : file_of) order[file] = depth_of(rev, 0);
  return order;
}

// Liquibase applies the files its master changelog includes, in that order (YAML, XML or JSON).
std::map<std::string, long long> changelog_order(const std::string& root) {
  static const RE2 include(R"((?:file\s*[:=]\s*["']?)([^"'\s,}]+\.sql))");
  std::map<std::string, long long> order;
  for (const std::string& dir : {root, parent_dir(root)})
    for (const char* name : {"db.changelog-master.yaml", "db.changelog-master.yml", "db.changelog-master.xml", "db.changelog-master.json",
                             "changelog-master.yaml", "changelog-master.xml", "changelog.yaml", "changelog.xml"}) {
      auto text = read_file_bounded(dir + "/" + name, 1 << 20);
      if (!text) continue;
      re2::StringPiece input(*text);
      std::string file;
      while (RE2::FindAndConsume(&input, include, &file)) order.emplace(base_name(file), static_cast<long long>(order.size()));
      if (!order.empty()) return order;
    }
  return order;
}

using Key = std::tuple<int, std::vector<long long>, std::string, int>;  // group, version, unit, down

}  // namespace

std::string history_id(const std::string& path, Tool tool) { return history_root(path, tool) + "|" + tool_name(tool); }

std::vector<HistoryEntry> migration_history(const std::string& path, Tool tool, size_t max_files) {
  const ToolRecord& record = tool_record(tool);
  std::string root = history_root(path, tool);
  std::vector<std::string> files;  // relative to root
  bool folder_layout = is_folder_migration_file(base_name(path));
  bool sqitch = tool == Tool::Sqitch && root != parent_dir(path);
  bool script = is_script_language(path);
  if (folder_layout) {
    for (const auto& dir : list_dir(root, max_files))
      for (const char* name : kFolderFiles)
        if (is_regular_file(root + "/" + dir.name + "/" + name)) files.push_back(dir.name + "/" + name);
  } else if (sqitch) {
    for (const char* dir : {"deploy", "revert"})
      for (const auto& entry : list_dir(root + "/" + dir, max_files))
        if (ends_with(entry.name, ".sql")) files.push_back(std::string(dir) + "/" + entry.name);
  } else {
    for (const auto& entry : list_dir(root, max_files)) {
      bool same_kind = script ? is_script_language(entry.name) : is_sql_file(entry.name);
      if (same_kind && !is_foreign_dialect(entry.name) && is_regular_entry(root, entry)) files.push_back(entry.name);
    }
  }
  // Entries are named the way `path` is: relative paths stay relative.
  std::string prefix = root == "." && !starts_with(path, "./") ? "" : root + "/";
  std::string self = path.substr(prefix.size());
  if (std::find(files.begin(), files.end(), self) == files.end()) files.push_back(self);

  std::map<std::string, long long> position;
  if (record.order == ApplyOrder::SqitchPlan) {
    for (const auto& [change, index] : sqitch_plan_order(root))
      for (const char* dir : {"deploy/", "revert/"}) position[dir + change + ".sql"] = index;
  } else if (record.order == ApplyOrder::AlembicChain) {
    position = alembic_chain_order(root, files);
  } else if (record.order == ApplyOrder::Changelog) {
    for (const auto& [name, index] : changelog_order(root)) position[name] = index;
  }
  auto key = [&](const std::string& file) -> Key {
    std::string name = base_name(file);
    bool repeatable = record.down == DownConvention::PrefixU && !name.empty() && name[0] == 'R';
    std::vector<long long> version;
    if (auto it = position.find(file); it != position.end()) version = {it->second};
    else if (!position.empty()) version = {1LL << 60};  // not in the plan: after it
    else if (record.order == ApplyOrder::Version) version = leading_version(folder_layout ? base_name(parent_dir(file)) : name,
                                                                              record.down == DownConvention::PrefixU);
    std::string full = prefix + file;
    return {repeatable ? 1 : 0, version, sqitch ? name : unit_name(full, record), is_down_path(record, full) ? 1 : 0};
  };
  std::vector<std::pair<Key, std::string>> keyed;
  for (const auto& f : files) keyed.push_back({key(f), f});
  std::sort(keyed.begin(), keyed.end());
  std::vector<HistoryEntry> out;
  for (const auto& [k, f] : keyed) out.push_back({prefix + f, std::get<3>(k) == 1});
  return out;
}

}  // namespace pgguard::lint
