// Claude Code: PreToolUse and PostToolUse hooks (docs: code.claude.com/docs/en/hooks). "ask" is
// honoured, so every verdict is written as it is; a trailing --confirm is removed through updatedInput.
#include "clients/claude_shape.h"
#include "clients/client.h"
#include "clients/fields.h"
#include "hook_io/hook_io.h"
#include "util/text.h"

namespace pgguard {
namespace clients {

using nlohmann::json;

ToolCall read_claude_shaped(const json& payload) {
  ToolCall call;
  auto tool = payload.find("tool_name");
  if (tool == payload.end() || !tool->is_string()) {
    call.error = "the hook input has no string tool_name";
    return call;
  }
  call.tool = tool->get<std::string>();
  call.session_id = text_of(payload, "session_id");
  if (payload.contains("cwd") && !payload["cwd"].is_string()) {
    call.error = "the hook input's cwd is not a string";
    return call;
  }
  call.cwd = text_of(payload, "cwd");
  call.input = payload.contains("tool_input") ? payload["tool_input"] : json::object();
  if (auto duration = payload.find("duration_ms"); duration != payload.end() && duration->is_number_integer())
    call.duration_ms = duration->get<long long>();
  if (call.tool == "Bash") {
    if (!call.input.is_object() || !call.input.contains("command") || !call.input["command"].is_string()) {
      call.error = "the Bash hook input has no string tool_input.command";
      return call;
    }
    call.door = ToolCall::Door::Shell;
    call.command = call.input["command"].get<std::string>();
  } else if (call.tool == "Write" || call.tool == "Edit" || call.tool == "MultiEdit") {
    std::string path = text_of(call.input, "file_path");
    if (path.empty() && payload.contains("tool_response")) path = text_of(payload["tool_response"], "filePath");
    if (path.empty()) return call;
    call.door = ToolCall::Door::FileWrite;
    call.files.push_back({path, claude_added_text(call.tool, call.input)});
  } else if (split_mcp_name(call.tool, call.mcp_server, call.mcp_tool)) {
    call.door = ToolCall::Door::Mcp;
  }
  return call;
}

json pre_tool_use_decision(std::string_view decision, const std::string& reason) {
  return {{"hookSpecificOutput",
           {{"hookEventName", "PreToolUse"}, {"permissionDecision", std::string(decision)}, {"permissionDecisionReason", reason}}}};
}

Answer post_tool_use_answer(const LintFeedback& feedback) {
  if (feedback.findings.empty() && feedback.notes.empty()) return {};
  auto context = [](const std::string& text) { return json{{"hookEventName", "PostToolUse"}, {"additionalContext", text}}; };
  if (!feedback.errors) return {hook_io::dump({{"hookSpecificOutput", context(feedback.notes + feedback.findings)}}) + "\n", 0};
  json out = {{"decision", "block"}, {"reason", feedback.findings}};
  if (!feedback.notes.empty()) out["hookSpecificOutput"] = context(feedback.notes);
  return {hook_io::dump(out) + "\n", 0};
}

namespace {

Answer encode(const Decision& decision, const ToolCall& call) {
  if (decision.verdict == Verdict::None) return {};
  json out = pre_tool_use_decision(verdict_name(decision.verdict), decision.reason);
  if (!decision.updated_command.empty() && call.input.is_object()) {
    json updated = call.input;  // updatedInput replaces the whole input: carry every field
    updated["command"] = decision.updated_command;
    out["hookSpecificOutput"]["updatedInput"] = updated;
  }
  if (decision.verdict == Verdict::Deny) out["systemMessage"] = shorten(decision.reason, 300);
  return {hook_io::dump(out) + "\n", 0};
}

}  // namespace
}  // namespace clients

extern const Client kClaudeClient = {
    "claude", "Claude Code", clients::read_claude_shaped, clients::encode,
    "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"ask\","
    "\"permissionDecisionReason\":\"pgguard ask:\\n- [guard-error] the guard stopped before it could check this call. "
    "Safe way forward: a human should look at this call before it runs.\"}}\n",
    clients::post_tool_use_answer,
    {".claude/settings.json",
     "CLAUDE.md",
     HookConfig::Shape::Matchers,
     "command",
     "timeout",
     1000,
     "{}",
     "{}",
     {{"PreToolUse", "Bash", false, 10},
      {"PreToolUse", "Write|Edit|MultiEdit", false, 10},
      {"PreToolUse", "mcp__.*", false, 10},
      {"PostToolUse", "Write|Edit|MultiEdit|Bash", true, 30},
      // After the tool only a filesystem MCP server's writes are linted (the MCP catalog's
      // file_write tools): other MCP calls, and their possibly large results, need no hook.
      {"PostToolUse", "mcp__.*__(write_file|edit_file)", true, 30}}}};

}  // namespace pgguard
