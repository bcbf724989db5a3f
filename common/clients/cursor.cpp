// Cursor: hooks in .cursor/hooks.json (cursor.com/docs/agent/hooks). beforeShellExecution sends
// {command, cwd}; beforeMCPExecution {tool_name, tool_input (a JSON string), url | command};
// preToolUse {tool_name: "Shell", tool_input: {command, working_directory}}. Field names beyond the
// vendor's page come from third-party integrations (cupcake, cc-safety-net) and are not documented.
// The answer is {permission, user_message, agent_message}; "ask" is ignored in some modes (the tool
// runs), so it is written as a deny that asks for a human's approval.
// Cursor's after events (afterFileEdit {file_path, edits}, afterShellExecution {command, output,
// duration}) are observation only: what a hook prints there is not read (cupcake.eqtylab.io
// reference/harnesses/cursor lists their answer as "{} (fire-and-forget)"; the vendor page documents
// no output for them). So migration linting has no after-tool hook here and init wires none.
#include "clients/client.h"
#include "clients/fields.h"
#include "hook_io/hook_io.h"
#include "util/text.h"

namespace pgguard {
namespace clients {
namespace {

using nlohmann::json;

std::string workspace_root(const json& payload) {
  auto roots = payload.find("workspace_roots");
  if (roots != payload.end() && roots->is_array() && !roots->empty() && (*roots)[0].is_string()) return (*roots)[0].get<std::string>();
  return "";
}

ToolCall adapt(const json& payload) {
  ToolCall call;
  std::string event = text_of(payload, "hook_event_name");
  call.session_id = text_of(payload, "conversation_id");
  call.cwd = first_text(payload, {"cwd"});
  if (call.cwd.empty()) call.cwd = workspace_root(payload);
  if (event == "beforeShellExecution") {
    call.tool = "Shell";
    call.command = text_of(payload, "command");
    call.input = {{"command", call.command}};
    if (call.command.empty()) call.error = "the beforeShellExecution input has no string command";
    else call.door = ToolCall::Door::Shell;
    return call;
  }
  call.tool = text_of(payload, "tool_name");
  call.input = arguments(payload.contains("tool_input") ? payload["tool_input"] : json());
  if (event == "beforeMCPExecution") {
    call.door = ToolCall::Door::Mcp;
    call.mcp_tool = call.tool;
    call.mcp_server_address = first_text(payload, {"url", "command"});
    if (!split_mcp_name(call.tool, call.mcp_server, call.mcp_tool) && starts_with(call.tool, "MCP:")) call.mcp_tool = call.tool.substr(4);
  } else if (event == "preToolUse" && call.tool == "Shell") {
    call.command = text_of(call.input, "command");
    if (std::string dir = text_of(call.input, "working_directory"); !dir.empty()) call.cwd = dir;
    if (!call.command.empty()) call.door = ToolCall::Door::Shell;
  } else if (event.empty()) {
    call.error = "the hook input has no hook_event_name";
  }
  return call;
}

Answer encode(const Decision& decision, const ToolCall&) {
  if (decision.verdict != Verdict::Deny && decision.verdict != Verdict::Ask) return {};
  std::string reason = decision.verdict == Verdict::Ask ? ask_as_deny_reason(decision.reason) : decision.reason;
  return {hook_io::dump({{"permission", "deny"}, {"user_message", shorten(reason, 300)}, {"agent_message", reason}}) + "\n", 0};
}

}  // namespace
}  // namespace clients

extern const Client kCursorClient = {
    "cursor", "Cursor", clients::adapt, clients::encode,
    "{\"permission\":\"deny\",\"user_message\":\"pgguard could not check this call.\",\"agent_message\":\"pgguard deny:\\n- "
    "[guard-error] the guard stopped before it could check this call. Safe way forward: ask the human to review and run it.\"}\n",
    nullptr,
    // failClosed makes Cursor block when the hook itself fails, instead of running the command.
    {".cursor/hooks.json",
     "AGENTS.md",
     HookConfig::Shape::Flat,
     "command",
     "timeout",
     1000,
     "{\"failClosed\": true}",
     "{\"version\": 1}",
     {{"beforeShellExecution", "", false, 10}, {"beforeMCPExecution", "", false, 10}}}};

}  // namespace pgguard
