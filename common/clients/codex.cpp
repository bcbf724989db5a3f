// OpenAI Codex CLI: PreToolUse hooks in ~/.codex/hooks.json or config.toml, with Claude Code's
// payload shape (openai/codex codex-rs/hooks/src/events/pre_tool_use.rs). Its output schema allows
// no unknown fields, and it runs the tool on `permissionDecision: "ask"` and on a deny without a
// reason (output_parser.rs), so ask is written as a deny that asks for a human's approval.
// PostToolUse (events/post_tool_use.rs) sends the same fields plus tool_response, for Bash,
// apply_patch and MCP tools alike, and honours Claude Code's answer: {"decision": "block", "reason"}
// goes to the model as feedback, hookSpecificOutput.additionalContext as context
// (schema/generated/post-tool-use.command.output.schema.json allows exactly these fields).
#include "clients/claude_shape.h"
#include "clients/client.h"
#include "clients/fields.h"
#include "hook_io/hook_io.h"

namespace pgguard {
namespace clients {
namespace {

using nlohmann::json;

ToolCall adapt(const json& payload) {
  ToolCall call = read_claude_shaped(payload);
  if (call.error.empty() && call.tool == "apply_patch") {
    std::string patch = first_text(call.input, {"command", "patch", "input"});
    call.files = patched_files(patch);
    if (!call.files.empty()) call.door = ToolCall::Door::FileWrite;
  }
  return call;
}

Answer encode(const Decision& decision, const ToolCall&) {
  if (decision.verdict != Verdict::Deny && decision.verdict != Verdict::Ask) return {};
  std::string reason = decision.verdict == Verdict::Ask ? ask_as_deny_reason(decision.reason) : decision.reason;
  return {hook_io::dump(pre_tool_use_decision("deny", reason)) + "\n", 0};
}

}  // namespace
}  // namespace clients

extern const Client kCodexClient = {
    "codex", "OpenAI Codex CLI", clients::adapt, clients::encode,
    "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\","
    "\"permissionDecisionReason\":\"pgguard deny:\\n- [guard-error] the guard stopped before it could check this call. "
    "Safe way forward: ask the human to review and run it.\"}}\n",
    clients::post_tool_use_answer,
    // Project hooks live in <repo>/.codex/hooks.json (developers.openai.com/codex/hooks); the file's
    // root may hold only "description" and "hooks". apply_patch is the file-writing tool.
    {".codex/hooks.json",
     "AGENTS.md",
     HookConfig::Shape::Matchers,
     "command",
     "timeout",
     1000,
     "{}",
     "{}",
     {{"PreToolUse", "Bash|apply_patch|mcp__.*", false, 10}, {"PostToolUse", "Bash|apply_patch|mcp__.*__(write_file|edit_file)", true, 30}},
     // A project's hooks run only once a human has reviewed them, and again after each change: the
     // hook's hash must match the trusted_hash Codex keeps in the user's config
     // (codex-rs/hooks/src/engine/discovery.rs; 0.171.0 says "hooks need review before they can run").
     "Codex runs these hooks only after you review them: start codex in this project and approve pgguard's hooks "
     "when it says they need review (its /hooks view lists them)."}};

}  // namespace pgguard
