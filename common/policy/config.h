#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "hook_io/audit_log.h"
#include "policy/verdict.h"

namespace pgguard {

struct RuleSetting {
  Verdict verdict = Verdict::Ask;
  bool confirmable = false;
};

struct Limits {
  int budget_ms = 300;
  size_t max_command_bytes = 1 << 20;
  size_t max_file_bytes = 1 << 20;
  int max_depth = 8;
};

struct Policy {
  std::map<std::string, RuleSetting> rules;
  std::set<std::string> hard_rules;  // a project config may tighten these, never loosen them
  bool allow_read_only = false;
  std::vector<std::shared_ptr<RE2>> production_patterns;
  std::vector<std::string> environment_names;
  std::vector<std::string> connection_variables;
  std::vector<std::string> environment_variables;
  std::vector<std::string> backup_directories;
  int backup_max_age_hours = 24;
  std::vector<std::string> side_effect_functions;
  Limits limits;
  audit::Settings audit;
  std::string project_config;      // the .pgguard.json applied, if any
  std::vector<std::string> notes;  // problems with the project config, said in every reason
};

// The built-in policy (config/policy.json compiled in).
Policy builtin_policy();

// The built-in policy with the nearest .pgguard.json at or above `cwd` (or in `project_dir`)
// applied. A config that cannot be read or is invalid is ignored as a whole, and said so.
Policy load_policy(const std::string& cwd, const std::string& project_dir);

// Applies one project config document (already parsed JSON text) to `policy`; throws with a
// message naming the bad key.
void apply_project_config(Policy& policy, const std::string& json_text);

}  // namespace pgguard
