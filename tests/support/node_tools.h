#pragma once
#include <map>
#include <string>
#include <vector>

#include "util/subprocess.h"

namespace pgguard::testing {

// Packages installed from npm for end-to-end tests with real migration tools. The install is
// kept under the user's cache (XDG_CACHE_HOME or ~/.cache, in pgguard-tests/), one per package
// list, with npm's own cache beside it: only the first run downloads.
struct NodeTools {
  std::string modules;      // the node_modules directory; empty when the tools are unavailable
  std::string unavailable;  // why: npm missing, the registry unreachable, the install failed
  double install_seconds = 0;
};

NodeTools install_node_tools(const std::vector<std::string>& packages, int timeout_seconds);

// Runs `command` with `sh -c` in `cwd`.
ProcessResult run_shell(const std::string& command, const std::string& cwd, const std::map<std::string, std::string>& env,
                        int timeout_ms);

}  // namespace pgguard::testing
