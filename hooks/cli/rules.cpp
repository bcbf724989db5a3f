#include <cstdio>
#include <iostream>

#include "cli/cli.h"
#include "lint/rule.h"
#include "policy/config.h"
#include "policy/guard_rule.h"

namespace pgguard {
std::string_view rule_doc(std::string_view id);  // generated from docs/rules
}

namespace pgguard::cli {

int rules(const std::vector<std::string>& args) {
  if (!args.empty()) {
    std::string_view doc = rule_doc(args[0]);
    if (doc.empty()) return usage_error("unknown rule '" + args[0] + "'");
    std::cout << doc;
    return 0;
  }
  Policy policy = builtin_policy();
  std::cout << "Guard rules (PreToolUse on Bash):\n";
  for (const auto& rule : guard_rules()) {
    auto setting = policy.rules.at(std::string(rule->id()));
    std::string verdict(verdict_name(setting.verdict));
    if (setting.verdict == Verdict::None) verdict = "off";
    if (setting.confirmable) verdict += ", confirmable";
    std::printf("  %-34s %-18s %s\n", std::string(rule->id()).c_str(), verdict.c_str(), std::string(rule->summary()).c_str());
  }
  std::cout << "\nLint rules (migrations):\n";
  for (const auto& info : lint::all_rule_info()) {
    std::string state = std::string(info.enabled_by_default ? "on" : "opt-in") + ", " + lint::severity_name(info.severity);
    std::printf("  %-34s %-18s %s\n", info.id.c_str(), state.c_str(), info.summary.c_str());
  }
  return 0;
}

}  // namespace pgguard::cli
