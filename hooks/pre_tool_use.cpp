// PreToolUse hook: decides on shell commands, file writes and MCP database tool calls for
// PostgreSQL safety. `--client NAME` picks the agent client's contract (default: claude).
#include <cstdio>

#include "clients/client.h"
#include "guard/decide.h"
#include "guard/pre_tool_use.h"
#include "hook_io/failsafe.h"
#include "util/environment.h"

int main(int argc, char** argv) {
  const pgguard::Client* client = pgguard::client_from_arguments(argc, argv);
  // An unknown client name is a setup mistake: block with Claude Code's answer and say so, since
  // no contract is known to honour anything else.
  const pgguard::Client& used = client ? *client : *pgguard::find_client("claude");
  pgguard::hook_io::install_failsafe(used.fallback, 5);
  pgguard::Answer answer;
  try {
    auto raw = pgguard::hook_io::read_all(stdin, pgguard::hook_io::kMaxPayloadBytes);
    if (!client) {
      pgguard::Decision decision = pgguard::guard_error_decision("pgguard-pre-tool-use was started with an unknown --client (known: claude, gemini, codex, cursor, copilot)",
                                                                 pgguard::builtin_policy());
      answer = used.encode(decision, pgguard::ToolCall{});
    } else {
      answer = pgguard::run_pre_tool_use(raw, pgguard::process_environment(), pgguard::current_directory(), used);
    }
  } catch (...) {
    answer = {used.fallback, 0};
  }
  pgguard::hook_io::disarm_failsafe();
  std::fwrite(answer.out.data(), 1, answer.out.size(), stdout);
  std::fflush(stdout);
  return answer.exit_code;
}
