#pragma once
#include <string>
#include <vector>

#include "policy/config.h"

namespace pgguard {

// Every rule pgguard reports, from one source: the guard rules of config/policy.json and the lint
// rules of config/lint_rules.json. `pgguard rules`, the CLAUDE.md block and the README counts come
// from here.

struct GuardRuleEntry {
  std::string id;
  std::string summary;
  RuleSetting setting;  // the built-in default
};

// The Bash rules in report order, then the rules only the Write/Edit guard reports.
std::vector<GuardRuleEntry> guard_rule_entries();

struct RuleCounts {
  size_t guard = 0;    // rules in config/policy.json
  size_t lint = 0;     // rules in config/lint_rules.json
  size_t lint_on = 0;  // of those, on by default
};
RuleCounts rule_counts();

// "71 rules, 56 on by default": how the README and `pgguard rules` state the lint rule count.
std::string lint_rule_count_text(const RuleCounts& counts);

}  // namespace pgguard
