// The rule behind missing-lock-timeout and missing-statement-timeout: they differ only in the
// setting they look for and what they say. Header only, so the rule registry (generated from
// rules/*.cpp) lists just the two factories.
#pragma once
#include <optional>
#include <string>
#include <utility>

#include "lint/rule.h"

namespace pgguard::lint {

class MissingTimeout : public LintRule {
 public:
  struct Params {
    std::string id;       // "missing-lock-timeout"
    std::string setting;  // "lock_timeout"
    // What can go wrong without the setting, given the relation: the middle of the message.
    std::string (*risk)(const std::string& relation);
    std::string value;  // suggested in the fix: "'2s'"
    std::string note;   // the fix's comment
  };

  explicit MissingTimeout(Params params) : params_(std::move(params)) {}

  std::string_view id() const override { return params_.id; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    // Reported once per direction: for the first statement that takes such a lock, unless an
    // earlier statement set the timeout.
    const DirectionState& earlier = c.state.in(c.section.direction);
    if (earlier.strong_lock_taken || earlier.timeouts_set.count(params_.setting)) return;
    std::optional<StrongLock> lock = strong_lock(c.statement, c.forms(), c.state.created_tables, c.settings.pg_version);
    if (!lock) return;
    out.push_back({"This statement takes " + lock->lock + " on " + lock->relation + " with no " + params_.setting + " set: " +
                       params_.risk(lock->relation) + " Reported once, for the first such statement.",
                   std::string(c.in_transaction ? "SET LOCAL " : "SET ") + params_.setting + " = " + params_.value +
                       ";  -- " + params_.note,
                   0, lock->relation});
  }

 private:
  Params params_;
};

}  // namespace pgguard::lint
