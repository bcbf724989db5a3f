// Which tool a migration belongs to, and whether a path is a migration at all, from the tool
// records (config/migration_tools.json) and the project around the file.
#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <set>

#include <re2/set.h>

#include "lint/migration.h"
#include "lint/tools.h"
#include "util/environment.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

constexpr int kProjectLevels = 8;  // how far up from a migration its project's files are looked for

bool glob_any(const std::vector<std::string>& globs, const std::string& path) {
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) { return glob_match(g, path); });
}

// The tools one folder's manifests and config files name. The folder is listed once, and only the
// names it holds are looked at: most folders hold none of the two dozen files asked about.
std::set<Tool> folder_tools(const std::string& dir) {
  std::set<Tool> tools;
  std::map<std::string, DirEntry, std::less<>> listed;
  for (auto& entry : list_directory(dir)) listed.emplace(entry.name, entry);
  auto present = [&](const std::string& file) {  // a regular file; "prisma/schema.prisma": in a listed folder
    auto it = listed.find(std::string_view(file).substr(0, file.find('/')));
    if (it == listed.end()) return false;
    return file.find('/') == std::string::npos ? is_regular_entry(dir, it->second) : is_regular_file(dir + "/" + file);
  };
  std::map<std::string, std::optional<std::string>> manifests;
  for (const auto& record : tool_records()) {
    for (const auto& file : record.files)
      if (present(file)) tools.insert(record.tool);
    for (const auto& [file, needle] : record.manifests) {
      auto it = manifests.find(file);
      if (it == manifests.end()) it = manifests.emplace(file, present(file) ? read_file_bounded(dir + "/" + file, 1 << 20) : std::nullopt).first;
      if (it->second && it->second->find(needle) != std::string::npos) tools.insert(record.tool);
    }
  }
  return tools;
}

// The tools the projects around `dir` use: every folder from `dir` up (a monorepo package and its
// root both count). Cached: the CLI asks once per migration.
const std::set<Tool>& project_tools(const std::string& dir) {
  static std::mutex mutex;
  static std::map<std::string, std::set<Tool>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = cache.find(dir); it != cache.end()) return it->second;
  std::set<Tool> tools;
  std::string current = dir;
  for (int level = 0; level < kProjectLevels && !current.empty(); ++level) {
    auto here = folder_tools(current);
    tools.insert(here.begin(), here.end());
    if (current == "/" || current == "." || is_directory(current + "/.git")) break;
    current = parent_dir(current);
  }
  return cache.emplace(dir, std::move(tools)).first->second;
}

std::string absolute(const std::string& path) { return path.empty() || path[0] == '/' ? path : resolve_path(current_directory(), path); }

bool has_sibling(const ToolRecord& record, const std::string& dir) {
  return std::any_of(record.sibling_files.begin(), record.sibling_files.end(),
                     [&](const std::string& name) { return is_regular_file(dir + "/" + name); });
}

bool path_names_tool(const ToolRecord& record, const std::string& path, bool sql) {
  std::string dir = parent_dir(path);
  // A pattern names files only the tool writes (V1__x.sql, x.postgres.up.sql); a glob names a
  // common layout, which may need the project's word (sqlx's migrations/*.sql) or a sibling file.
  if (matches_any(record.path_patterns, path)) return true;
  bool named = glob_any(record.paths, path);
  if (record.requires_sibling) named = named && has_sibling(record, dir);
  else named = named || (sql && has_sibling(record, dir));
  return named && (!record.requires_project || project_tools(dir).count(record.tool));
}

// The first tool (in record order) whose markers the text holds. All markers are matched in one
// scan of the text: one scan per marker cost a twentieth of a lint run over many small files.
std::optional<Tool> marked_tool(const std::string& text) {
  struct Markers {
    std::unique_ptr<RE2::Set> set;
    std::vector<size_t> record_of;  // by the set's pattern index
  };
  static const Markers markers = [] {
    RE2::Options options(RE2::Quiet);
    Markers m{std::make_unique<RE2::Set>(options, RE2::UNANCHORED), {}};
    const auto& records = tool_records();
    for (size_t r = 0; r < records.size(); ++r)
      for (const auto& marker : records[r].markers) {
        std::string error;
        if (m.set->Add(marker.source(), &error) < 0) throw std::runtime_error("bad pattern " + marker.source() + ": " + error);
        m.record_of.push_back(r);
      }
    if (!m.set->Compile()) throw std::runtime_error("the migration tools' markers do not compile together");
    return m;
  }();
  const auto& records = tool_records();
  std::vector<int> matched;
  RE2::Set::ErrorInfo error;
  if (!markers.set->Match(text, &matched, &error)) {
    if (error.kind == RE2::Set::kNoError) return std::nullopt;
    for (const auto& record : records)  // the set's DFA ran out of memory: one pattern at a time
      if (matches_any(record.markers, text)) return record.tool;
    return std::nullopt;
  }
  size_t first = records.size();
  for (int index : matched) first = std::min(first, markers.record_of[index]);
  return records[first].tool;
}

}  // namespace

Tool detect_tool(const std::string& given_path, const std::string& text) {
  std::string path = absolute(given_path);
  std::string head = text.substr(0, 65536);
  if (auto tool = marked_tool(head)) return *tool;
  const auto& records = tool_records();
  bool sql = is_sql_file(path);
  for (const auto& record : records)
    if (path_names_tool(record, path, sql)) return record.tool;
  if (is_script_language(path))
    for (const auto& record : records)
      if (matches_any(record.content, head)) return record.tool;
  const auto& used = project_tools(parent_dir(path));
  for (const auto& record : records)
    if (used.count(record.tool) && glob_any(record.layouts, path)) return record.tool;
  if (is_script_language(path)) {
    if (ends_with(path, ".py")) return Tool::Alembic;
    return Tool::Knex;
  }
  return Tool::Plain;
}

bool is_foreign_dialect(const std::string& path) {
  return std::any_of(tool_records().begin(), tool_records().end(), [&](const ToolRecord& r) { return matches_any(r.foreign_dialects, path); });
}

bool is_migration_path(const std::string& path, const std::vector<std::string>& extra_globs) {
  std::string normalized = path.empty() || path[0] != '/' ? "/" + path : path;
  if (glob_any(extra_globs, normalized)) return true;
  // Every built-in layout names one of these extensions; most files of a project are ruled out here.
  bool sql = is_sql_file(path);
  if (!sql && !is_script_language(path)) return false;
  if (is_foreign_dialect(normalized)) return false;
  for (const auto& record : tool_records()) {
    if (glob_any(record.layouts, normalized) || glob_any(record.paths, normalized) || matches_any(record.path_patterns, normalized))
      return true;
  }
  // A flat drizzle folder with a custom name: its journal is beside the SQL files.
  return sql && path[0] == '/' && is_regular_file(parent_dir(path) + "/meta/_journal.json");
}

}  // namespace pgguard::lint
