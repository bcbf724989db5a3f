#include "policy/rules/rules.h"

namespace pgguard::rules {
namespace {

class ConfigTamper : public GuardRule {
 public:
  std::string_view id() const override { return "config-tamper"; }
  std::string_view summary() const override { return "A command that writes .pgguard.json or .claude/settings*.json"; }
  void check(const GuardFacts& facts, std::vector<Finding>& out) const override {
    for (const auto& path : facts.report->config_writes)
      out.push_back({"config-tamper", "the command writes " + path +
                                          ", which configures pgguard or Claude Code's hooks. Safe way forward: ask the "
                                          "human to change guard settings; use the Edit tool so the change is reviewed."});
  }
};

}  // namespace

std::unique_ptr<GuardRule> config_tamper() { return std::make_unique<ConfigTamper>(); }

}  // namespace pgguard::rules
