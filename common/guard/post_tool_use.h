#pragma once
#include <chrono>
#include <map>
#include <string>

#include "hook_io/hook_io.h"

namespace pgguard {

// The whole PostToolUse hook: lints migrations a Write/Edit/MultiEdit wrote, or a Bash command
// generated or changed; returns the stdout text ("" for clean files and non-migrations).
std::string run_post_tool_use(const hook_io::RawInput& raw, const std::map<std::string, std::string>& env, const std::string& process_cwd,
                              std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace pgguard
