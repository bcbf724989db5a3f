#pragma once
#include <string>
#include <vector>

#include "clients/client.h"
#include "setup/setup.h"

namespace pgguard::setup {

// `pgguard doctor`'s self-tests for one client: its hook executables run as its configuration runs
// them, on payloads in its own field names (a DROP TABLE through the shell and through an MCP
// tool, a bad migration written by its file tool), and its answers must carry the rule.
std::vector<Check> self_tests(const Client& client, const std::string& project, const std::string& bin_dir);

}  // namespace pgguard::setup
