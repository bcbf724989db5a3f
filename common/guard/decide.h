#pragma once
#include <chrono>
#include <string>

#include "policy/config.h"
#include "policy/guard_rule.h"
#include "policy/verdict.h"

namespace pgguard {

// The agent's confirmation of a destructive command (a trailing --confirm or PGGUARD_CONFIRM=...).
struct Confirmation {
  bool confirmed = false;
  std::string why;
  std::string command_without_flag;  // set when a trailing --confirm was removed
};

// Where a confirmed command looks for a recent backup.
struct BackupSearch {
  std::string cwd;
  std::string project_dir;
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
};

// The one decide step of every door: runs the policy's guard rules on the facts, applies a
// confirmation, and writes the reason (rule ids, what was found, the safe way forward; redacted).
Decision decide(const GuardFacts& facts, const Policy& policy, const Confirmation& confirmation, const BackupSearch& backups);

// The decision for input the guard could not analyse at all (bad payload): an ask naming why.
Decision guard_error_decision(const std::string& why, const Policy& policy);

}  // namespace pgguard
