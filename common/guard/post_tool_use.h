#pragma once
#include <chrono>
#include <map>
#include <string>

#include "clients/client.h"
#include "hook_io/hook_io.h"

namespace pgguard {

// The whole after-tool hook for one client: lints the migrations a call wrote (a file write or
// edit, a patch, a filesystem MCP server's write, or files a shell command generated or changed).
// The client's adapter reads the payload, the same one the PreToolUse path uses; its post encoder
// writes the findings in the client's contract. Empty output for clean files, non-migrations and
// clients whose after-tool output is ignored.
Answer run_post_tool_use(const hook_io::RawInput& raw, const std::map<std::string, std::string>& env, const std::string& process_cwd,
                         const Client& client, std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace pgguard
