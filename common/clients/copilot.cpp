// GitHub Copilot CLI: preToolUse hooks in .github/hooks/*.json (github/docs
// content/copilot/reference/copilot-cli-reference/cli-hooks-reference.md). The camelCase form sends
// {toolName, toolArgs (a JSON string), cwd}; the PascalCase form Claude Code's field names. Tools
// bash / powershell {command}, create / edit {path, ...}, apply_patch (a patch envelope); MCP
// tools are named <server>-<tool>, so any other name goes to the MCP stage, which knows where a
// database tool's name starts. "ask" is honoured.
// postToolUse sends the same fields plus toolResult; the docs say only SDK hooks may replace the
// result, and the CLI's changelog (1.0.49, 1.0.51, in the @github/copilot package) says command
// hooks' additionalContext reaches the model: lint findings go there, since nothing can block.
#include "clients/claude_shape.h"
#include "clients/client.h"
#include "clients/fields.h"
#include "hook_io/hook_io.h"

namespace pgguard {
namespace clients {
namespace {

using nlohmann::json;

ToolCall adapt(const json& payload) {
  ToolCall call;
  bool camel = payload.contains("toolName");
  call.tool = text_of(payload, camel ? "toolName" : "tool_name");
  if (call.tool.empty()) {
    call.error = "the preToolUse input has no string toolName";
    return call;
  }
  call.cwd = text_of(payload, "cwd");
  call.session_id = first_text(payload, {"sessionId", "session_id"});
  const json raw_args = camel ? (payload.contains("toolArgs") ? payload["toolArgs"] : json()) : (payload.contains("tool_input") ? payload["tool_input"] : json());
  call.input = arguments(raw_args);
  if (call.tool == "apply_patch") {
    // A freeform tool (its prompt in @github/copilot 1.0.102's runtime: "do not wrap the patch in
    // JSON"); how toolArgs carries the patch to a hook is not documented, so both a bare string and
    // an object's patch field are read.
    std::string patch = raw_args.is_string() && call.input.empty() ? raw_args.get<std::string>() : first_text(call.input, {"input", "patch", "command"});
    call.files = patched_files(patch);
    if (!call.files.empty()) call.door = ToolCall::Door::FileWrite;
    return call;
  }
  if (call.tool == "bash" || call.tool == "powershell" || call.tool == "Bash") {
    call.command = text_of(call.input, "command");
    if (call.command.empty()) call.error = "the " + call.tool + " input has no string command";
    else call.door = ToolCall::Door::Shell;
  } else if (call.tool == "create" || call.tool == "edit" || call.tool == "Write" || call.tool == "Edit") {
    std::string path = first_text(call.input, {"path", "file_path"});
    if (path.empty()) return call;
    call.door = ToolCall::Door::FileWrite;
    call.files.push_back({path, first_text(call.input, {"file_text", "content", "new_str", "new_string"})});
  } else if (split_mcp_name(call.tool, call.mcp_server, call.mcp_tool)) {
    call.door = ToolCall::Door::Mcp;
  } else {
    call.door = ToolCall::Door::Mcp;
    call.mcp_tool = call.tool;
  }
  return call;
}

Answer encode(const Decision& decision, const ToolCall&) {
  if (decision.verdict != Verdict::Deny && decision.verdict != Verdict::Ask) return {};
  json out = {{"permissionDecision", std::string(verdict_name(decision.verdict))}, {"permissionDecisionReason", decision.reason}};
  return {hook_io::dump(out) + "\n", 0};
}

Answer encode_post(const LintFeedback& feedback) {
  if (feedback.findings.empty() && feedback.notes.empty()) return {};
  return {hook_io::dump({{"additionalContext", feedback.notes + feedback.findings}}) + "\n", 0};
}

}  // namespace
}  // namespace clients

extern const Client kCopilotClient = {
    "copilot", "GitHub Copilot CLI", clients::adapt, clients::encode,
    "{\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"pgguard deny:\\n- [guard-error] the guard stopped before "
    "it could check this call. Safe way forward: ask the human to review and run it.\"}\n",
    clients::encode_post,
    // One file of our own in .github/hooks/ (the CLI reads every *.json there).
    {".github/hooks/pgguard.json",
     ".github/copilot-instructions.md",
     HookConfig::Shape::Flat,
     "bash",
     "timeoutSec",
     1000,
     "{\"type\": \"command\"}",
     "{\"version\": 1}",
     {{"preToolUse", "", false, 10}, {"postToolUse", "", true, 30}}}};

}  // namespace pgguard
