// The migration linter on arbitrary bytes as a migration file of several layouts.
#include <cstdint>
#include <string>

#include "lint/linter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* kPaths[] = {"/nonexistent/db/migrations/002_x.sql", "/nonexistent/db/migrations/002_x.up.sql",
                                 "/nonexistent/db/migration/V2__x.sql", "/nonexistent/prisma/migrations/2_x/migration.sql",
                                 "/nonexistent/migrations/002_x.js", "/nonexistent/alembic/versions/002_x.py"};
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  pgguard::lint::LintOptions options;
  options.replay_history = false;
  for (const auto& rule : pgguard::lint::all_rule_info()) options.enable.insert(rule.id);
  pgguard::lint::lint_text(kPaths[data[0] % 6], text, options);
  return 0;
}
