#pragma once
#include <map>
#include <string>

#include "clients/client.h"
#include "guard/guard.h"
#include "hook_io/hook_io.h"

namespace pgguard {

// The project root the client names: Claude Code's CLAUDE_PROJECT_DIR (Gemini CLI sets it too, as an
// alias of its own GEMINI_PROJECT_DIR); "" when neither is set.
std::string project_dir_of(const std::map<std::string, std::string>& env);

// The analysis of one tool call through its door (what the hook and `pgguard explain --tool` decide on).
Analysis analyse_tool_call(const ToolCall& call, const std::map<std::string, std::string>& env, const std::string& cwd, const Policy& policy);

// The whole PreToolUse hook for one client: raw stdin bytes in, the client's answer out (empty
// output = no opinion). The client's adapter reads the payload into a tool call, its door (shell,
// file write, MCP) gathers the facts, one decide step runs the rules, and the client's encoder
// writes the answer.
Answer run_pre_tool_use(const hook_io::RawInput& raw, const std::map<std::string, std::string>& env, const std::string& process_cwd,
                        const Client& client);

}  // namespace pgguard
