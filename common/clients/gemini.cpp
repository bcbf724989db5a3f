// Gemini CLI: BeforeTool hooks in .gemini/settings.json (google-gemini/gemini-cli docs/hooks/reference.md,
// packages/core/src/hooks/types.ts). Built-in tools run_shell_command, write_file and replace; MCP
// tools are named mcp_<server>_<tool> in the code (the docs say mcp__<server>__<tool>) and carry
// mcp_context {server_name, tool_name, url | command, args}. The documented decisions are allow, deny and
// block: "ask" exists in the code but not in the contract, so it is written as a deny that asks for
// a human's approval.
// AfterTool sends the same fields plus tool_response (hooks/types.ts AfterToolInput). Its answer
// (core/coreToolHookTriggers.ts): "deny" replaces the tool's result with "Tool result blocked:
// <reason>" marked as an error; hookSpecificOutput.additionalContext is appended to the result.
#include "clients/client.h"
#include "clients/fields.h"
#include "hook_io/hook_io.h"
#include "util/text.h"

namespace pgguard {
namespace clients {
namespace {

using nlohmann::json;

ToolCall adapt(const json& payload) {
  ToolCall call;
  call.tool = text_of(payload, "tool_name");
  if (call.tool.empty()) {
    call.error = "the BeforeTool input has no string tool_name";
    return call;
  }
  call.cwd = text_of(payload, "cwd");
  call.session_id = text_of(payload, "session_id");
  call.input = payload.contains("tool_input") && payload["tool_input"].is_object() ? payload["tool_input"] : json::object();
  if (call.tool == "run_shell_command") {
    call.command = text_of(call.input, "command");
    if (call.command.empty()) call.error = "the run_shell_command input has no string command";
    else call.door = ToolCall::Door::Shell;
  } else if (call.tool == "write_file" || call.tool == "replace") {
    std::string path = text_of(call.input, "file_path");
    if (path.empty()) return call;
    call.door = ToolCall::Door::FileWrite;
    call.files.push_back({path, text_of(call.input, call.tool == "write_file" ? "content" : "new_string")});
  } else if (payload.contains("mcp_context") && payload["mcp_context"].is_object()) {
    const json& context = payload["mcp_context"];
    call.door = ToolCall::Door::Mcp;
    call.mcp_server = text_of(context, "server_name");
    call.mcp_tool = text_of(context, "tool_name");
    call.mcp_server_address = first_text(context, {"url", "command"});
    // A stdio server's arguments name its project or database (--project-ref=..., a connection URL).
    if (auto args = context.find("args"); args != context.end() && args->is_array())
      for (const auto& arg : *args)
        if (arg.is_string()) call.mcp_server_address += " " + arg.get<std::string>();
    if (call.mcp_tool.empty()) split_mcp_name(call.tool, call.mcp_server, call.mcp_tool);
  } else if (split_mcp_name(call.tool, call.mcp_server, call.mcp_tool)) {
    call.door = ToolCall::Door::Mcp;
  } else if (starts_with(call.tool, "mcp_")) {
    call.door = ToolCall::Door::Mcp;  // mcp_<server>_<tool>: the MCP stage finds where the tool's name starts
    call.mcp_tool = call.tool.substr(4);
  }
  return call;
}

Answer encode(const Decision& decision, const ToolCall&) {
  if (decision.verdict != Verdict::Deny && decision.verdict != Verdict::Ask) return {};
  std::string reason = decision.verdict == Verdict::Ask ? ask_as_deny_reason(decision.reason) : decision.reason;
  return {hook_io::dump({{"decision", "deny"}, {"reason", reason}}) + "\n", 0};
}

// Lint errors replace the result, so the agent cannot read past them; since the tool did run, the
// reason says the file is written.
Answer encode_post(const LintFeedback& feedback) {
  if (feedback.findings.empty() && feedback.notes.empty()) return {};
  if (feedback.errors)
    return {hook_io::dump({{"decision", "deny"}, {"reason", "The file is written, but pgguard found errors in the migration.\n" + feedback.notes + feedback.findings}}) + "\n", 0};
  return {hook_io::dump({{"hookSpecificOutput", {{"hookEventName", "AfterTool"}, {"additionalContext", feedback.notes + feedback.findings}}}}) + "\n", 0};
}

}  // namespace
}  // namespace clients

extern const Client kGeminiClient = {
    "gemini", "Gemini CLI", clients::adapt, clients::encode,
    "{\"decision\":\"deny\",\"reason\":\"pgguard deny:\\n- [guard-error] the guard stopped before it could check this call. "
    "Safe way forward: ask the human to review and run it.\"}\n",
    clients::encode_post,
    // Gemini CLI's timeouts are milliseconds; its MCP tools are named mcp_<server>_<tool> in the
    // code and mcp__<server>__<tool> in its reference page, which "mcp_.*" covers both.
    {".gemini/settings.json",
     "GEMINI.md",
     HookConfig::Shape::Matchers,
     "command",
     "timeout",
     1,
     "{}",
     "{}",
     {{"BeforeTool", "run_shell_command|write_file|replace|mcp_.*", false, 10},
      // Unanchored, so write_file and edit_file also match a filesystem MCP server's mcp_<server>_write_file.
      {"AfterTool", "run_shell_command|write_file|replace|edit_file", true, 30}},
     // Project hooks load only in a trusted folder; elsewhere they are skipped with a debug log line
     // (hookRegistry processHooksFromConfig in the 0.61.0 bundle).
     "Gemini CLI runs a project's hooks only in a trusted folder: when it asks whether to trust this folder, "
     "trust it, or pgguard's hooks stay off."}};

}  // namespace pgguard
