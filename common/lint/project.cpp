#include "lint/project.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "lint/history_cache.h"
#include "lint/migration.h"
#include "lint/pooler.h"
#include "util/environment.h"
#include "util/files.h"
#include "util/json_number.h"

namespace pgguard::lint {

void apply_rule_setting(LintOptions& options, const std::string& rule, const std::string& setting) {
  if (!rule_info(rule)) throw std::runtime_error("unknown lint rule '" + rule + "'");
  if (setting == "off") {
    options.disable.insert(rule);
    options.enable.erase(rule);
    return;
  }
  options.disable.erase(rule);
  options.enable.insert(rule);
  if (setting != "on") options.severities[rule] = parse_severity(setting);
}

LintProject load_lint_project(const std::string& start) {
  LintProject project;
  std::string dir = find_upward(start, ".pgguard.json");
  project.root = dir.empty() ? start : dir;
  bool version_set = false;
  if (!dir.empty()) {
    std::string path = resolve_path(dir, ".pgguard.json");
    auto text = read_file_bounded(path, 1 << 20);
    auto doc = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
    try {
      if (!text || doc.is_discarded() || !doc.is_object()) throw std::runtime_error("not a JSON object");
      if (doc.contains("postgres_version")) {
        try {
          project.options.settings.pg_version = static_cast<int>(whole_number(doc["postgres_version"], 10, 99));
        } catch (const std::runtime_error& e) {
          throw std::runtime_error(std::string("postgres_version ") + e.what());
        }
        version_set = true;
      }
      if (doc.contains("tool")) {
        auto tool = parse_tool(doc["tool"].get<std::string>());
        if (!tool) throw std::runtime_error("unknown tool '" + doc["tool"].get<std::string>() + "'");
        project.options.tool = tool;
      }
      if (doc.contains("schema")) project.options.schema_files.push_back(resolve_path(dir, doc["schema"].get<std::string>()));
      if (doc.contains("stats")) {
        auto stats = read_file_bounded(resolve_path(dir, doc["stats"].get<std::string>()), 16 << 20);
        if (stats) project.options.stats = parse_stats(*stats);
      }
      if (doc.contains("migrations")) project.migration_globs = doc["migrations"].get<std::vector<std::string>>();
      if (doc.contains("rules"))
        for (const auto& [id, setting] : doc["rules"].items())
          if (rule_info(id) && setting.is_string()) apply_rule_setting(project.options, id, setting.get<std::string>());
    } catch (const std::exception& e) {
      project.notes.push_back(path + " ignored for linting (" + e.what() + "); the defaults apply");
      project.options = LintOptions{};
      version_set = false;
    }
  }
  if (project.options.stats.empty()) {
    if (auto stats = read_file_bounded(resolve_path(project.root, ".pgguard/stats.json"), 16 << 20)) {
      try {
        project.options.stats = parse_stats(*stats);
      } catch (const std::exception&) {
        project.notes.push_back(".pgguard/stats.json cannot be read; table sizes are not used");
      }
    }
  }
  if (!version_set)
    if (auto major = postgres_version_from_claude_md(start)) project.options.settings.pg_version = *major, version_set = true;
  project.pg_version_stated = version_set;
  project.options.stated_conventions = conventions_stated_in_claude_md(start);
  project.options.settings.transaction_pooler = transaction_pooler_evidence(start);
  project.options.history_cache = history_cache_dir(process_environment());
  return project;
}

std::set<std::string> conventions_stated_in_claude_md(const std::string& start) {
  std::set<std::string> stated;
  std::string claude_dir = find_upward(start, "CLAUDE.md");
  auto text = claude_dir.empty() ? std::nullopt : read_file_bounded(resolve_path(claude_dir, "CLAUDE.md"), 1 << 20);
  if (!text) return stated;
  for (const auto& info : all_rule_info())
    if (!info.convention_stated_by.empty() && RE2::PartialMatch(*text, RE2(info.convention_stated_by))) stated.insert(info.id);
  return stated;
}

std::optional<int> postgres_version_from_claude_md(const std::string& start) {
  std::string claude_dir = find_upward(start, "CLAUDE.md");
  if (claude_dir.empty()) return std::nullopt;
  auto text = read_file_bounded(resolve_path(claude_dir, "CLAUDE.md"), 1 << 20);
  static const RE2 version(R"((?i)postgres(?:ql)?\s*(?:version)?\s*[:=]?\s*v?(\d{1,2})(?:\.\d+|\.x)?\b)");
  int major = 0;
  if (text && RE2::PartialMatch(*text, version, &major) && major >= 9 && major <= 30) return major;
  return std::nullopt;
}

}  // namespace pgguard::lint
