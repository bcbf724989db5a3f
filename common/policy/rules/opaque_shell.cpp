#include "policy/rules/rules.h"

namespace pgguard::rules {
namespace {

class OpaqueShell : public GuardRule {
 public:
  std::string_view id() const override { return "opaque-shell"; }
  std::string_view summary() const override {
    return "A script the guard cannot read reaches a shell: bash -c \"$X\", base64 -d | sh, eval \"$(...)\"";
  }
  void check(const GuardFacts& facts, std::vector<Finding>& out) const override {
    for (const auto& script : facts.report->opaque_scripts)
      out.push_back({"opaque-shell", script.what +
                                         ": the guard cannot see what this runs. Safe way forward: run the commands "
                                         "directly, with literal text, so they can be checked."});
  }
};

}  // namespace

std::unique_ptr<GuardRule> opaque_shell() { return std::make_unique<OpaqueShell>(); }

}  // namespace pgguard::rules
