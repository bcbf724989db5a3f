#include "guard/rule_catalog.h"

#include "lint/rule.h"
#include "policy/guard_rule.h"

namespace pgguard {

std::vector<GuardRuleEntry> guard_rule_entries() {
  Policy policy = builtin_policy();
  std::vector<GuardRuleEntry> entries;
  for (const auto& rule : guard_rules()) {
    std::string id(rule->id());
    entries.push_back({id, std::string(rule->summary()), policy.rules.at(id)});
  }
  return entries;
}

RuleCounts rule_counts() {
  RuleCounts counts;
  counts.guard = builtin_policy().rules.size();
  for (const auto& info : lint::all_rule_info()) {
    ++counts.lint;
    counts.lint_on += info.enabled_by_default;
  }
  return counts;
}

std::string lint_rule_count_text(const RuleCounts& counts) {
  return std::to_string(counts.lint) + " rules, " + std::to_string(counts.lint_on) + " on by default";
}

}  // namespace pgguard
