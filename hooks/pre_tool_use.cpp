// PreToolUse hook: decides on Bash commands for PostgreSQL safety. Always exits 0.
#include <cstdio>

#include "guard/pre_tool_use.h"
#include "hook_io/failsafe.h"
#include "util/environment.h"

namespace {
const char kFallback[] =
    "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"ask\","
    "\"permissionDecisionReason\":\"pgguard ask:\\n- [guard-error] the guard stopped before it could check this command. "
    "Safe way forward: a human should look at this command before it runs.\"}}\n";
}

int main() {
  pgguard::hook_io::install_failsafe(kFallback, 5);
  std::string out;
  try {
    auto raw = pgguard::hook_io::read_all(stdin, 32u << 20);
    out = pgguard::run_pre_tool_use(raw, pgguard::process_environment(), pgguard::current_directory());
  } catch (...) {
    out = kFallback;
  }
  pgguard::hook_io::disarm_failsafe();
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return 0;
}
