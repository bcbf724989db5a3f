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

// Waits short enough to be a pause rather than a side effect (config/policy.json "short_waits"): a
// call of one of these functions with a literal length, run once, the SQL's waits adding up to at
// most max_seconds.
struct ShortWaits {
  std::vector<std::string> functions;  // lower case
  double max_seconds = 0;
};

// How a connection shows a transaction-mode pooler (config/policy.json "pooler_detection").
struct PoolerDetection {
  std::vector<int> ports;                           // PgBouncer's 6432, Supabase's transaction port 6543
  std::vector<std::string> url_parameters;          // pgbouncer=true
  std::shared_ptr<RE2> host_pattern;                // a host named like a pooler
  std::vector<std::string> session_mode_endpoints;  // "host-suffix:port" served in session mode
  std::vector<std::string> direct_variables;        // variables naming the direct connection migrations use
};

struct Policy {
  std::map<std::string, RuleSetting> rules;
  std::set<std::string> hard_rules;  // a project config may tighten these, never loosen them
  bool allow_read_only = false;
  std::vector<std::shared_ptr<RE2>> production_patterns;
  std::vector<std::string> environment_names;
  std::vector<std::string> mcp_targets;  // lower-case project, branch, source and server names that are production
  std::vector<std::string> connection_variables;
  std::vector<std::string> environment_variables;
  std::vector<std::string> backup_directories;
  int backup_max_age_hours = 24;
  std::vector<std::string> side_effect_functions;
  ShortWaits short_waits;
  PoolerDetection pooler_detection;
  Limits limits;
  audit::Settings audit;
  std::string project_config;      // the .pgguard.json applied, if any
  std::vector<std::string> notes;  // problems with the project config, said in every reason
};

// The built-in policy (config/policy.json compiled in).
Policy builtin_policy();

// The built-in policy with the nearest .pgguard.json at or above `cwd` (or in `project_dir`)
// applied. A file that cannot be read or is not a JSON object is ignored as a whole; a bad
// setting is ignored alone. Either is said in `notes`.
Policy load_policy(const std::string& cwd, const std::string& project_dir);

// Applies one project config document to `policy`. A bad setting (unknown key, wrong type, unknown
// verdict, loosened hard rule, invalid pattern, value out of range) is skipped and described in the
// returned problems while the rest applies; throws only when the text is not a JSON object.
std::vector<std::string> apply_project_config(Policy& policy, const std::string& json_text);

}  // namespace pgguard
