#include "policy/rules/rules.h"

namespace pgguard::rules {
namespace {

class GuardError : public GuardRule {
 public:
  std::string_view id() const override { return "guard-error"; }
  std::string_view summary() const override {
    return "The guard could not finish its check (malformed hook input, unparsable command, time budget spent)";
  }
  void check(const GuardFacts& facts, std::vector<Finding>& out) const override {
    for (const auto& error : facts.errors)
      out.push_back({"guard-error", error + ". Safe way forward: a human should look at this command before it runs; "
                                            "simpler commands with literal SQL can be checked automatically."});
  }
};

}  // namespace

std::unique_ptr<GuardRule> guard_error() { return std::make_unique<GuardError>(); }

}  // namespace pgguard::rules
