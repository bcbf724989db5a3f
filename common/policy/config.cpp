#include "policy/config.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "util/embedded.h"
#include "util/files.h"
#include "util/json_number.h"
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

// Whole lists or nothing: a wrong element leaves `to` as it was.
void append(std::vector<std::string>& to, const json& values) {
  auto list = values.get<std::vector<std::string>>();
  to.insert(to.end(), list.begin(), list.end());
}

// Environment names and function names are compared in lower case.
void append_lower(std::vector<std::string>& to, const json& values) {
  auto list = values.get<std::vector<std::string>>();
  for (const auto& v : list) to.push_back(to_lower(v));
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
  append_lower(policy.short_waits.functions, doc.at("short_waits").at("functions"));
  policy.short_waits.max_seconds = doc.at("short_waits").at("max_seconds").get<double>();
  const json& pooler = doc.at("pooler_detection");
  policy.pooler_detection.ports = pooler.at("ports").get<std::vector<int>>();
  append_lower(policy.pooler_detection.url_parameters, pooler.at("url_parameters"));
  policy.pooler_detection.host_pattern = std::make_shared<RE2>(pooler.at("host_pattern").get<std::string>());
  append_lower(policy.pooler_detection.session_mode_endpoints, pooler.at("session_mode_endpoints"));
  append(policy.pooler_detection.direct_variables, pooler.at("direct_variables"));
  const json& audit = doc.at("audit");
  policy.audit = {audit.at("enabled").get<bool>(), audit.at("all_decisions").get<bool>(), audit.at("max_bytes").get<size_t>()};
  const json& limits = doc.at("limits");
  policy.limits.budget_ms = limits.at("budget_ms").get<int>();
  policy.limits.max_command_bytes = limits.at("max_command_bytes").get<size_t>();
  policy.limits.max_file_bytes = limits.at("max_file_bytes").get<size_t>();
  policy.limits.max_depth = limits.at("max_depth").get<int>();
  return policy;
}

// Runs one setting's change; a bad value becomes a problem naming the setting, and the rest of
// the file still applies.
template <typename Apply>
void apply_setting(std::vector<std::string>& problems, const std::string& name, Apply&& apply) {
  try {
    apply();
  } catch (const json::exception&) {
    problems.push_back(name + " has the wrong type");
  } catch (const std::exception& e) {
    problems.push_back(name + ": " + e.what());
  }
}

void apply_rule(Policy& policy, const std::string& id, const json& setting) {
  auto it = policy.rules.find(id);
  if (it == policy.rules.end()) return;  // lint rules are configured here too
  Verdict verdict = parse_verdict(setting.is_string() ? setting.get<std::string>() : setting.at("verdict").get<std::string>());
  if (policy.hard_rules.count(id) && verdict < it->second.verdict)
    throw std::runtime_error("a hard rule cannot be loosened from " + std::string(verdict_name(it->second.verdict)));
  it->second.verdict = verdict;
}

}  // namespace

Policy builtin_policy() {
  static const Policy policy = parse_builtin(json::parse(embedded_file("policy.json")));
  return policy;
}

std::vector<std::string> apply_project_config(Policy& policy, const std::string& json_text) {
  json doc = json::parse(json_text);
  if (!doc.is_object()) throw std::runtime_error("the top level must be an object");
  static const std::set<std::string> kKnown = {"rules", "allow_read_only", "production", "backup", "side_effect_functions", "$schema",
                                               "migrations", "postgres_version", "schema", "stats", "tool", "audit", "init", "pooler"};
  std::vector<std::string> problems;
  for (const auto& [key, value] : doc.items())
    if (!kKnown.count(key)) problems.push_back("unknown key '" + key + "'");
  auto section = [&](const char* key) { return doc.contains(key) && doc[key].is_object() ? doc[key] : json::object(); };
  for (const char* key : {"rules", "production", "backup", "audit"})
    if (doc.contains(key) && !doc[key].is_object()) problems.push_back(std::string(key) + " has the wrong type");

  const json rules = section("rules");
  for (const auto& item : rules.items())
    apply_setting(problems, "rule '" + item.key() + "'", [&] { apply_rule(policy, item.key(), item.value()); });
  if (doc.contains("allow_read_only"))
    apply_setting(problems, "allow_read_only", [&] { policy.allow_read_only = doc["allow_read_only"].get<bool>(); });
  const json production = section("production");
  if (production.contains("patterns"))
    for (const auto& pattern : production["patterns"])
      apply_setting(problems, "production pattern " + pattern.dump(), [&] { add_patterns(policy, json::array({pattern})); });
  if (production.contains("environment_names"))
    apply_setting(problems, "production.environment_names", [&] { append_lower(policy.environment_names, production["environment_names"]); });
  if (production.contains("mcp_targets"))
    apply_setting(problems, "production.mcp_targets", [&] { append_lower(policy.mcp_targets, production["mcp_targets"]); });
  for (auto [key, list] : {std::pair{"connection_variables", &policy.connection_variables},
                           std::pair{"environment_variables", &policy.environment_variables}})
    if (production.contains(key))
      apply_setting(problems, std::string("production.") + key, [&, key = key, list = list] { append(*list, production[key]); });
  const json backup = section("backup");
  if (backup.contains("directories"))
    apply_setting(problems, "backup.directories", [&] { policy.backup_directories = backup["directories"].get<std::vector<std::string>>(); });
  if (backup.contains("max_age_hours"))
    apply_setting(problems, "backup.max_age_hours", [&] {
      policy.backup_max_age_hours = static_cast<int>(whole_number(backup["max_age_hours"], 1, 168));
    });
  if (doc.contains("side_effect_functions"))
    apply_setting(problems, "side_effect_functions", [&] { append_lower(policy.side_effect_functions, doc["side_effect_functions"]); });
  if (doc.contains("pooler"))
    apply_setting(problems, "pooler", [&] {
      static const std::set<std::string> kPoolers = {"pgbouncer-transaction", "transaction", "session", "none"};
      if (!kPoolers.count(doc["pooler"].get<std::string>()))
        throw std::runtime_error("use pgbouncer-transaction, transaction, session or none");
    });
  const json audit = section("audit");
  if (audit.contains("enabled")) apply_setting(problems, "audit.enabled", [&] { policy.audit.enabled = audit["enabled"].get<bool>(); });
  if (audit.contains("all_decisions"))
    apply_setting(problems, "audit.all_decisions", [&] { policy.audit.all_decisions = audit["all_decisions"].get<bool>(); });
  if (audit.contains("max_bytes"))
    apply_setting(problems, "audit.max_bytes", [&] { policy.audit.max_bytes = static_cast<size_t>(whole_number(audit["max_bytes"], 0, 1LL << 40)); });
  return problems;
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
    for (const auto& problem : apply_project_config(configured, *text))
      configured.notes.push_back("project config " + path + ": " + problem + "; that setting is ignored");
  } catch (const std::exception& e) {
    policy.notes.push_back("project config " + path + " ignored (" + e.what() + "); the built-in policy applies");
    return policy;
  }
  configured.project_config = path;
  return configured;
}

}  // namespace pgguard
