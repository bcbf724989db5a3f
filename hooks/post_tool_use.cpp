// After-tool hook (PostToolUse, AfterTool...): lints migrations that were written, edited or
// generated. `--client NAME` picks the agent client's contract (default: claude). Always exits 0:
// the tool has already run, so a failure here has nothing left to block.
#include <cstdio>

#include "clients/client.h"
#include "guard/post_tool_use.h"
#include "hook_io/failsafe.h"
#include "util/environment.h"

int main(int argc, char** argv) {
  const pgguard::Client* client = pgguard::client_from_arguments(argc, argv);
  const pgguard::Client& used = client ? *client : *pgguard::find_client("claude");
  pgguard::hook_io::install_failsafe("", 20);
  pgguard::Answer answer;
  auto say = [&](const std::string& note) {
    try {
      if (used.encode_post) answer = used.encode_post({false, "", note});
    } catch (...) {
      answer = {};
    }
  };
  try {
    auto raw = pgguard::hook_io::read_all(stdin, 32u << 20);
    if (!client) say("pgguard-post-tool-use was started with an unknown --client (known: claude, gemini, codex, cursor, copilot).");
    else answer = pgguard::run_post_tool_use(raw, pgguard::process_environment(), pgguard::current_directory(), used);
  } catch (...) {
    say("pgguard could not lint this change (internal error).");
  }
  pgguard::hook_io::disarm_failsafe();
  std::fwrite(answer.out.data(), 1, answer.out.size(), stdout);
  std::fflush(stdout);
  return 0;
}
