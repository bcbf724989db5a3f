#pragma once
#include <map>
#include <string>

#include "hook_io/hook_io.h"

namespace pgguard {

// The whole PreToolUse hook: raw stdin bytes in, stdout text out ("" = no opinion).
std::string run_pre_tool_use(const hook_io::RawInput& raw, const std::map<std::string, std::string>& env,
                             const std::string& process_cwd);

}  // namespace pgguard
