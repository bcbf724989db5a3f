#pragma once
#include <map>
#include <string>
#include <vector>

#include "util/subprocess.h"

namespace pgguard::testing {

// Packages installed from npm for end-to-end tests with real migration tools. The install is
// kept under the user's cache (XDG_CACHE_HOME or ~/.cache, in pgguard-tests/), one per package
// list, with npm's own cache beside it: only the first run downloads. Runs started together (ctest -j)
// wait for one install instead of each downloading its own.
struct NodeTools {
  std::string modules;      // the node_modules directory; empty when the tools are unavailable
  std::string unavailable;  // why: npm missing, the registry unreachable, the install failed
  double install_seconds = 0;
};

// `prepare`, when given, is a shell command run in the new install directory before the install
// counts as complete, with HOME pointed at its home/ subdirectory and no XDG_* directories: what a
// package unpacks on its first run lands in the install. It is part of what names the install.
NodeTools install_node_tools(const std::vector<std::string>& packages, int timeout_seconds, const std::string& prepare = "");

// Runs `command` with `sh -c` in `cwd`.
ProcessResult run_shell(const std::string& command, const std::string& cwd, const std::map<std::string, std::string>& env,
                        int timeout_ms);

}  // namespace pgguard::testing
