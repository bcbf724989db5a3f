#include "support/node_tools.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>

#include "util/environment.h"
#include "util/files.h"

namespace pgguard::testing {

namespace {

std::string cache_directory() {
  if (const char* xdg = getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/pgguard-tests";
  if (const char* home = getenv("HOME"); home && *home) return std::string(home) + "/.cache/pgguard-tests";
  return "";
}

std::string tail(const std::string& text, size_t size) { return text.size() > size ? "..." + text.substr(text.size() - size) : text; }

NodeTools unavailable(const std::string& reason) {
  NodeTools tools;
  tools.unavailable = reason;
  return tools;
}

NodeTools installed_at(const std::string& install) {
  NodeTools tools;
  tools.modules = install + "/node_modules";
  return tools;
}

// Held while one run installs; released when it goes out of scope.
class InstallLock {
 public:
  explicit InstallLock(const std::string& path) : fd_(::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644)) {
    if (fd_ >= 0) flock(fd_, LOCK_EX);
  }
  ~InstallLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  InstallLock(const InstallLock&) = delete;
  InstallLock& operator=(const InstallLock&) = delete;

 private:
  int fd_;
};

}  // namespace

NodeTools install_node_tools(const std::vector<std::string>& packages, int timeout_seconds, const std::string& prepare) {
  std::string cache = cache_directory();
  if (cache.empty()) return unavailable("no cache directory (neither XDG_CACHE_HOME nor HOME is set)");
  std::string key;
  for (const auto& p : packages) key += p + " ";
  key += prepare;
  std::string install = cache + "/node-tools-" + std::to_string(std::hash<std::string>{}(key));
  if (is_regular_file(install + "/complete")) return installed_at(install);
  std::filesystem::create_directories(cache);
  InstallLock lock(install + ".lock");
  if (is_regular_file(install + "/complete")) return installed_at(install);  // another run installed it meanwhile

  auto env = process_environment();
  ProcessResult version = run_process("npm", {"--version"}, "", env, "", 30000);
  if (version.exit_code != 0) return unavailable("npm is not on PATH or does not run: " + tail(version.err, 300));
  // Failed requests are retried for minutes by default; an unreachable registry is told in seconds.
  const std::vector<std::string> bounded = {"--fetch-retries=1", "--fetch-timeout=30000", "--fetch-retry-mintimeout=1000",
                                              "--fetch-retry-maxtimeout=5000"};
  std::vector<std::string> ping = {"ping"};
  ping.insert(ping.end(), bounded.begin(), bounded.end());
  ProcessResult reached = run_process("npm", ping, "", env, "", 60000);
  if (reached.exit_code != 0) return unavailable("the npm registry is unreachable: " + tail(reached.err, 300));

  // Installed beside the final place and renamed when complete, so a killed run leaves no half install in use.
  std::string staging = make_temp_directory("node-tools-staging", cache);
  std::ofstream(staging + "/package.json") << "{\"name\": \"pgguard-node-tools\", \"private\": true}\n";
  std::vector<std::string> args = {"install", "--prefer-offline", "--no-audit", "--no-fund", "--no-progress",
                                   "--loglevel=error", "--cache", cache + "/npm"};
  args.insert(args.end(), bounded.begin(), bounded.end());
  args.insert(args.end(), packages.begin(), packages.end());
  NodeTools tools;
  auto started = std::chrono::steady_clock::now();
  std::string step = "npm install";
  ProcessResult result = run_process("npm", args, "", env, staging, timeout_seconds * 1000);
  if (result.exit_code == 0 && !prepare.empty()) {
    step = "`" + prepare + "`";
    auto prepare_env = env;
    for (const char* moved : {"XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"}) prepare_env.erase(moved);
    prepare_env["HOME"] = staging + "/home";
    result = run_shell(prepare, staging, prepare_env, timeout_seconds * 1000);
  }
  tools.install_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (result.exit_code != 0) {
    remove_tree(staging);
    tools.unavailable = result.signal ? step + " did not finish in " + std::to_string(timeout_seconds) + " s"
                                      : step + " failed: " + tail(result.err + result.out, 600);
    return tools;
  }
  std::ofstream(staging + "/complete") << key << "\n";
  if (std::rename(staging.c_str(), install.c_str()) != 0) remove_tree(staging);
  tools.modules = install + "/node_modules";
  return tools;
}

ProcessResult run_shell(const std::string& command, const std::string& cwd, const std::map<std::string, std::string>& env,
                        int timeout_ms) {
  return run_process("/bin/sh", {"-c", command}, "", env, cwd, timeout_ms);
}

}  // namespace pgguard::testing
