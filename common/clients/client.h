#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "clients/hook_config.h"
#include "clients/tool_call.h"
#include "policy/verdict.h"

namespace pgguard {

// One agent client's hook contract: how its payload reads (adapter) and how an answer must be
// written so the client honours it (encoder). Adding a client is one of these plus its tests.
struct Client {
  std::string_view name;
  std::string_view label;  // "Claude Code"
  // The tool call in a parsed payload object. Sets `error` when a field the client always sends is
  // missing or has the wrong type; leaves door Other for tools the guard has no opinion on.
  ToolCall (*adapt)(const nlohmann::json& payload);
  // The answer for a decision. Verdict::None must print nothing and exit 0.
  Answer (*encode)(const Decision& decision, const ToolCall& call);
  // Printed when the hook crashes or runs out of time: the client's blocking answer where a failed
  // hook would let the tool run.
  const char* fallback;
  // The answer to the client's after-tool event (PostToolUse, AfterTool, postToolUse) with the lint
  // feedback on what the call wrote; nullptr when the client has no such event or ignores what a
  // hook prints there. Empty feedback must print nothing.
  Answer (*encode_post)(const LintFeedback& feedback);
  // Where `pgguard init --client NAME` wires the hooks, and which instructions file gets the rules.
  HookConfig hooks;
};

// The client named `name` ("claude", "gemini", "codex", "cursor", "copilot"); nullptr when unknown.
const Client* find_client(std::string_view name);
const std::vector<const Client*>& all_clients();
// The client a hook executable was started for: `--client NAME` or `--client=NAME` among its
// arguments, claude when there is none; nullptr for an unknown name.
const Client* client_from_arguments(int argc, char** argv);

// Splits Claude Code's `mcp__<server>__<tool>` (plugin servers: `mcp__plugin_<plugin>_<server>__<tool>`);
// false for other names.
bool split_mcp_name(const std::string& name, std::string& server, std::string& tool);

// "ask" rendered for a client that has no working ask: the reason tells the agent that a human must
// approve, and how.
std::string ask_as_deny_reason(const std::string& reason);

}  // namespace pgguard
