#pragma once
#include "clients/tool_call.h"
#include "guard/guard.h"

namespace pgguard {

// The MCP door: a database server's tool call (SQL it runs, a migration it applies, a named
// operation, a file it writes) judged by the same rules as a shell command. A tool that is not a
// database tool comes back prefiltered (no opinion).
// Whether the call goes to a database tool at all: the cheap question asked before any policy is loaded.
bool reaches_database(const ToolCall& call);

Analysis analyse_mcp_call(const ToolCall& call, const std::string& cwd, const Policy& policy);

}  // namespace pgguard
