#pragma once
#include <map>
#include <string>
#include <vector>

namespace pgguard {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
  std::string out;
  std::string err;
  long max_rss_kb = 0;  // the child's peak resident memory
};

// Runs `path args...` with exactly `env` as its environment, writing `input` to its stdin while
// reading stdout and stderr (large inputs do not deadlock). A child still running after
// timeout_ms is killed (signal set in the result). A path without '/' is looked up in PATH.
ProcessResult run_process(const std::string& path, const std::vector<std::string>& args, const std::string& input,
                          const std::map<std::string, std::string>& env, const std::string& cwd = "", int timeout_ms = 30000);

}  // namespace pgguard
