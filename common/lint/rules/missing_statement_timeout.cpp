#include "lint/rules/missing_timeout.h"

namespace pgguard::lint {

std::unique_ptr<LintRule> make_missing_statement_timeout() {
  return std::make_unique<MissingTimeout>(MissingTimeout::Params{
      .id = "missing-statement-timeout",
      .setting = "statement_timeout",
      .risk = [](const std::string& relation) {
        return "a scan or rewrite that runs longer than expected keeps " + relation + " locked for as long as it runs.";
      },
      .value = "'15min'",
      .note = "before this statement; long enough for the slowest step, CONCURRENTLY builds included",
  });
}

}  // namespace pgguard::lint
