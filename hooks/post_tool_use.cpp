// PostToolUse hook: reads the payload to EOF and reports unreadable input. Always exits 0.
#include <cstdio>

#include "hook_io/failsafe.h"
#include "hook_io/hook_io.h"
#include "policy/config.h"

int main() {
  pgguard::hook_io::install_failsafe("", 5);
  std::string out;
  try {
    auto limits = pgguard::builtin_policy().limits;
    auto raw = pgguard::hook_io::read_all(stdin, limits.max_stdin_bytes);
    auto payload = pgguard::hook_io::parse_payload(raw, limits.max_stdin_bytes);
    if (!payload.error.empty()) {
      nlohmann::json answer = {{"hookSpecificOutput",
                                {{"hookEventName", "PostToolUse"},
                                 {"additionalContext", "pgguard could not check this tool call: " + payload.error + "."}}}};
      out = pgguard::hook_io::dump(answer) + "\n";
    }
  } catch (...) {
    out.clear();
  }
  pgguard::hook_io::disarm_failsafe();
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
