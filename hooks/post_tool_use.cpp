// PostToolUse hook: lints migrations that were written, edited or generated. Always exits 0.
#include <cstdio>

#include "guard/post_tool_use.h"
#include "hook_io/failsafe.h"
#include "util/environment.h"

int main() {
  pgguard::hook_io::install_failsafe("", 20);
  std::string out;
  try {
    auto raw = pgguard::hook_io::read_all(stdin, 32u << 20);
    out = pgguard::run_post_tool_use(raw, pgguard::process_environment(), pgguard::current_directory());
  } catch (...) {
    out = "{\"hookSpecificOutput\":{\"hookEventName\":\"PostToolUse\",\"additionalContext\":\"pgguard could not lint this change (internal error).\"}}\n";
  }
  pgguard::hook_io::disarm_failsafe();
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
