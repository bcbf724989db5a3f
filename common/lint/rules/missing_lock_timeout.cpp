#include "lint/rules/missing_timeout.h"

namespace pgguard::lint {

std::unique_ptr<LintRule> make_missing_lock_timeout() {
  return std::make_unique<MissingTimeout>(MissingTimeout::Params{
      .id = "missing-lock-timeout",
      .setting = "lock_timeout",
      .risk = [](const std::string& relation) {
        return "while it waits behind a long transaction, every later query on " + relation + " that conflicts queues behind it.";
      },
      .value = "'2s'",
      .note = "before this statement; retry the migration when it times out",
  });
}

}  // namespace pgguard::lint
