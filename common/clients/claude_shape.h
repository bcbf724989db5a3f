#pragma once
#include <nlohmann/json.hpp>

#include "clients/tool_call.h"
#include "policy/verdict.h"

namespace pgguard::clients {

// Claude Code's PreToolUse and PostToolUse payloads (Codex sends the same shape): tool_name,
// tool_input, cwd, session_id, and after the tool tool_response and duration_ms; Bash,
// Write/Edit/MultiEdit and mcp__<server>__<tool>.
ToolCall read_claude_shaped(const nlohmann::json& payload);

// {"hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision", "permissionDecisionReason"}}.
nlohmann::json pre_tool_use_decision(std::string_view decision, const std::string& reason);

// The PostToolUse answer: lint errors as {"decision": "block", "reason"} (the agent is told and must
// answer), anything else as hookSpecificOutput.additionalContext.
Answer post_tool_use_answer(const LintFeedback& feedback);

}  // namespace pgguard::clients
