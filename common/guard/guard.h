#pragma once
#include <chrono>
#include <map>
#include <string>

#include "policy/config.h"
#include "policy/verdict.h"
#include "sinks/cli_catalog.h"

namespace pgguard {

struct GuardRequest {
  std::string command;
  std::string cwd;
  std::string project_dir;                 // $CLAUDE_PROJECT_DIR, also searched for backups
  std::map<std::string, std::string> env;  // the hook process's environment
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
};

// The catalog compiled in from config/cli_catalog.json.
const sinks::CliCatalog& builtin_catalog();

// Decides on one Bash command. Never throws: internal failures become an ask.
Decision check_command(const GuardRequest& request, const Policy& policy, const sinks::CliCatalog& catalog = builtin_catalog());

// The decision for input the guard could not analyse at all (bad payload): an ask naming why.
Decision guard_error_decision(const std::string& why, const Policy& policy);

}  // namespace pgguard
