#include <cstdio>
#include <iostream>

#include "cli/cli.h"
#include "guard/rule_catalog.h"
#include "lint/rule.h"

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
  RuleCounts counts = rule_counts();
  std::cout << "Guard rules (PreToolUse on Bash and file writes): " << counts.guard << " rules\n";
  for (const auto& rule : guard_rule_entries()) {
    std::string verdict(verdict_name(rule.setting.verdict));
    if (rule.setting.verdict == Verdict::None) verdict = "off";
    if (rule.setting.confirmable) verdict += ", confirmable";
    std::printf("  %-34s %-18s %s\n", rule.id.c_str(), verdict.c_str(), rule.summary.c_str());
  }
  std::cout << "\nLint rules (migrations): " << lint_rule_count_text(counts) << "\n";
  for (const auto& info : lint::all_rule_info()) {
    std::string state = std::string(info.enabled_by_default ? "on" : "opt-in") + ", " + lint::severity_name(info.severity);
    std::printf("  %-34s %-18s %s\n", info.id.c_str(), state.c_str(), info.summary.c_str());
  }
  return 0;
}

}  // namespace pgguard::cli
