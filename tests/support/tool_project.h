#pragma once
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/temp_project.h"
#include "util/subprocess.h"

namespace pgguard::testing {

// A user's project for one real migration tool: a git repository whose node_modules is the shared
// npm install, with its own database on a throwaway server (DATABASE_URL).
class ToolProject {
 public:
  ToolProject(const std::string& node_modules, const std::string& socket_directory, const std::string& database);

  const std::string& root() const { return dir_.root; }
  std::string path(const std::string& relative) const { return dir_.path(relative); }
  const std::string& database_url() const { return url_; }
  void write(const std::string& relative, const std::string& text) const { dir_.write(relative, text); }
  std::string read(const std::string& relative) const { return dir_.read(relative); }

  struct Run {
    ProcessResult result;
    long ms = 0;
  };
  // Runs a shell command in the project with the tools on PATH.
  Run run(const std::string& command, int timeout_ms = 180000) const;
  void commit(const std::string& message) const;
  // The files of `folder` (relative) ending in `suffix`, sorted, as paths relative to the root.
  std::vector<std::string> files(const std::string& folder, const std::string& suffix) const;

 private:
  TempProject dir_;
  std::string url_;
  std::map<std::string, std::string> env_;
};

// Hook payloads as Claude Code sends them for a tool call in `project`.
nlohmann::json hook_payload(const ToolProject& project, const std::string& event, const std::string& tool, nlohmann::json input);
nlohmann::json after_bash(const ToolProject& project, const std::string& command, const ToolProject::Run& run);
nlohmann::json before_bash(const ToolProject& project, const std::string& command);
nlohmann::json before_edit(const ToolProject& project, const std::string& file, const std::string& old_text, const std::string& new_text);
nlohmann::json before_write(const ToolProject& project, const std::string& file, const std::string& content);
nlohmann::json after_write(const ToolProject& project, const std::string& file, const std::string& content);

// A hook's answer: the decision ("" when it said nothing), its reason, and the raw output.
struct HookAnswer {
  std::string decision, reason, raw, err;
  int exit_code = 0;
};
HookAnswer run_pre_hook(const std::string& binary, const nlohmann::json& payload);
HookAnswer run_post_hook(const std::string& binary, const nlohmann::json& payload);

// The rule ids a finding list (pgguard lint --format json) has for files whose path contains `file`.
std::set<std::string> rules_for(const nlohmann::json& findings, const std::string& file);

// `text` with the body of the function opened by `signature` (which ends with its '{') replaced.
std::string replace_function_body(const std::string& text, const std::string& signature, const std::string& body);

}  // namespace pgguard::testing
