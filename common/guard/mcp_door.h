#pragma once
#include "clients/tool_call.h"
#include "guard/guard.h"

namespace pgguard {

// The MCP door: a database server's tool call (SQL it runs, a migration it applies, a named
// operation, a file it writes) judged by the same rules as a shell command. A tool that is not a
// database tool comes back prefiltered (no opinion).
Analysis analyse_mcp_call(const ToolCall& call, const std::string& cwd, const Policy& policy);

// Whether a call may reach a database at all: the catalog knows the tool, or an unknown tool of a
// server named like a database has a field named like SQL. Needs no policy, so a call that does
// not is answered before any configuration is read.
bool mcp_call_may_reach_database(const ToolCall& call);

}  // namespace pgguard
