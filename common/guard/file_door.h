#pragma once
#include "clients/tool_call.h"
#include "guard/guard.h"

namespace pgguard {

// The file-write door: the files a call writes (Write, Edit, apply_patch, a filesystem MCP server's
// write_file), judged for hardcoded passwords and for edits of migrations already shared.
Analysis analyse_file_write(const std::vector<WrittenFile>& files, const std::string& cwd, const Policy& policy);

}  // namespace pgguard
