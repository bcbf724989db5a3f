#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace pgguard::sinks {

// Whether a program runs the file named by its first argument: a shell, an interpreter of
// config/interpreters.json or a wrapper of config/wrappers.json (for the prefilter).
bool runs_files(std::string_view program);

// The recipe files a task runner reads (config/task_runners.json): make -> Makefile, ...
std::vector<std::string> recipe_files(std::string_view program);

}  // namespace pgguard::sinks
