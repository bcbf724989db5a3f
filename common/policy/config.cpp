#include "policy/config.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "util/embedded.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard {
namespace {

using nlohmann::json;

void add_patterns(Policy& policy, const json& patterns) {
  for (const auto& p : patterns) {
    auto re = std::make_shared<RE2>(p.get<std::string>(), RE2::Quiet);
    if (!re->ok()) throw std::runtime_error("invalid production pattern '" + p.get<std::string>() + "': " + re->error());
    policy.production_patterns.push_back(re);
  }
}

void append(std::vector<std::string>& to, const json& values) {
  for (const auto& v : values) to.push_back(v.get<std::string>());
}

// Environment names and function names are compared in lower case.
void append_lower(std::vector<std::string>& to, const json& values) {
  for (const auto& v : values) to.push_back(to_lower(v.get<std::string>()));
}

Policy parse_builtin(const json& doc) {
  Policy policy;
  for (const auto& [id, setting] : doc.at("rules").items())
    policy.rules[id] = {parse_verdict(setting.at("verdict").get<std::string>()), setting.value("confirmable", false)};
  for (const auto& id : doc.at("hard_rules")) policy.hard_rules.insert(id.get<std::string>());
  policy.allow_read_only = doc.value("allow_read_only", false);
  const json& production = doc.at("production");
  add_patterns(policy, production.at("patterns"));
  append_lower(policy.environment_names, production.at("environment_names"));
  append(policy.connection_variables, production.at("connection_variables"));
  append(policy.environment_variables, production.at("environment_variables"));
  append(policy.backup_directories, doc.at("backup").at("directories"));
  policy.backup_max_age_hours = doc.at("backup").at("max_age_hours").get<int>();
  append_lower(policy.side_effect_functions, doc.at("side_effect_functions"));
  const json& audit = doc.at("audit");
  policy.audit = {audit.at("enabled").get<bool>(), audit.at("all_decisions").get<bool>(), audit.at("max_bytes").get<size_t>()};
  const json& limits = doc.at("limits");
  policy.limits.budget_ms = limits.at("budget_ms").get<int>();
  policy.limits.max_command_bytes = limits.at("max_command_bytes").get<size_t>();
  policy.limits.max_file_bytes = limits.at("max_file_bytes").get<size_t>();
  policy.limits.max_depth = limits.at("max_depth").get<int>();
  return policy;
}

}  // namespace

Policy builtin_policy() {
  static const Policy policy = parse_builtin(json::parse(embedded_file("policy.json")));
  return policy;
}

void apply_project_config(Policy& policy, const std::string& json_text) {
  json doc = json::parse(json_text);
  if (!doc.is_object()) throw std::runtime_error("the top level must be an object");
  static const std::set<std::string> kKnown = {"rules", "allow_read_only", "production", "backup", "side_effect_functions",
                                               "$schema", "migrations", "postgres_version", "schema", "stats", "tool", "audit", "init"};
  for (const auto& [key, value] : doc.items())
    if (!kKnown.count(key)) throw std::runtime_error("unknown key '" + key + "'");
  if (doc.contains("rules")) {
    for (const auto& [id, setting] : doc["rules"].items()) {
      auto it = policy.rules.find(id);
      if (it == policy.rules.end()) continue;  // lint rules are configured here too
      std::string name = setting.is_string() ? setting.get<std::string>() : setting.at("verdict").get<std::string>();
      Verdict verdict = parse_verdict(name);
      if (verdict == Verdict::Allow)
        throw std::runtime_error("rule '" + id + "': use deny, ask or off (allow_read_only is the only auto-approval)");
      if (policy.hard_rules.count(id) && verdict < it->second.verdict)
        throw std::runtime_error("rule '" + id + "' cannot be loosened from " + std::string(verdict_name(it->second.verdict)));
      it->second.verdict = verdict;
    }
  }
  if (doc.contains("allow_read_only")) policy.allow_read_only = doc["allow_read_only"].get<bool>();
  if (doc.contains("production")) {
    const json& p = doc["production"];
    if (p.contains("patterns")) add_patterns(policy, p["patterns"]);
    if (p.contains("environment_names")) append_lower(policy.environment_names, p["environment_names"]);
    if (p.contains("connection_variables")) append(policy.connection_variables, p["connection_variables"]);
    if (p.contains("environment_variables")) append(policy.environment_variables, p["environment_variables"]);
  }
  if (doc.contains("backup")) {
    const json& b = doc["backup"];
    if (b.contains("directories")) policy.backup_directories = b["directories"].get<std::vector<std::string>>();
    if (b.contains("max_age_hours")) {
      int hours = b["max_age_hours"].get<int>();
      if (hours < 1 || hours > 168) throw std::runtime_error("backup.max_age_hours must be between 1 and 168");
      policy.backup_max_age_hours = hours;
    }
  }
  if (doc.contains("side_effect_functions")) append_lower(policy.side_effect_functions, doc["side_effect_functions"]);
  if (doc.contains("audit")) {
    const json& a = doc["audit"];
    if (a.contains("enabled")) policy.audit.enabled = a["enabled"].get<bool>();
    if (a.contains("all_decisions")) policy.audit.all_decisions = a["all_decisions"].get<bool>();
    if (a.contains("max_bytes")) policy.audit.max_bytes = a["max_bytes"].get<size_t>();
  }
}

Policy load_policy(const std::string& cwd, const std::string& project_dir) {
  Policy policy = builtin_policy();
  std::string dir = find_upward(cwd, ".pgguard.json");
  if (dir.empty() && !project_dir.empty() && is_regular_file(resolve_path(project_dir, ".pgguard.json"))) dir = project_dir;
  if (dir.empty()) return policy;
  std::string path = resolve_path(dir, ".pgguard.json");
  auto text = read_file_bounded(path, 1 << 20);
  if (!text) {
    policy.notes.push_back("project config " + path + " cannot be read; the built-in policy applies");
    return policy;
  }
  Policy configured = policy;
  try {
    apply_project_config(configured, *text);
  } catch (const std::exception& e) {
    policy.notes.push_back("project config " + path + " ignored (" + e.what() + "); the built-in policy applies");
    return policy;
  }
  configured.project_config = path;
  return configured;
}

}  // namespace pgguard
