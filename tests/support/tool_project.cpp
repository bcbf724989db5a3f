#include "support/tool_project.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "server/connection.h"
#include "support/node_tools.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace pgguard::testing {

ToolProject::ToolProject(const std::string& node_modules, const std::string& socket_directory, const std::string& database) {
  server::Connection("host=" + socket_directory + " port=5432 user=postgres dbname=postgres").run("CREATE DATABASE " + database);
  url_ = "postgres://postgres@localhost/" + database + "?host=" + socket_directory;
  fs::create_directory_symlink(node_modules, dir_.path("node_modules"));
  write(".gitignore", "node_modules\n");
  env_ = {{"PATH", node_modules + "/.bin:/usr/local/bin:/usr/bin:/bin"},
          {"HOME", root()},
          {"DATABASE_URL", url_},
          {"NO_COLOR", "1"},
          {"NO_UPDATE_NOTIFIER", "1"},
          {"npm_config_update_notifier", "false"},
          {"GIT_AUTHOR_NAME", "dev"},
          {"GIT_AUTHOR_EMAIL", "dev@example.com"},
          {"GIT_COMMITTER_NAME", "dev"},
          {"GIT_COMMITTER_EMAIL", "dev@example.com"}};
  if (run("git init -q -b main").result.exit_code != 0) throw std::runtime_error("git init failed in " + root());
}

ToolProject::Run ToolProject::run(const std::string& command, int timeout_ms) const {
  auto started = std::chrono::steady_clock::now();
  Run r{run_shell(command, root(), env_, timeout_ms)};
  r.ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  return r;
}

void ToolProject::commit(const std::string& message) const {
  auto r = run("git add -A && git commit -qm '" + message + "'");
  if (r.result.exit_code != 0) throw std::runtime_error("git commit failed: " + r.result.err);
}

std::vector<std::string> ToolProject::files(const std::string& folder, const std::string& suffix) const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(path(folder), ec)) {
    std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(folder + "/" + name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

json hook_payload(const ToolProject& project, const std::string& event, const std::string& tool, json input) {
  return {{"session_id", "8f14e45f-ceea-4e7a-9c1b-2d5f7a3c9b10"},
          {"transcript_path", project.root() + "/.claude/session.jsonl"},
          {"cwd", project.root()},
          {"permission_mode", "default"},
          {"hook_event_name", event},
          {"tool_name", tool},
          {"tool_input", std::move(input)},
          {"tool_use_id", "toolu_01HXq7Zb2WmN9cR4tVy8KpLd"}};
}

json after_bash(const ToolProject& project, const std::string& command, const ToolProject::Run& run) {
  json payload = hook_payload(project, "PostToolUse", "Bash", {{"command", command}, {"description", "Generate the migration"}});
  payload["tool_response"] = {{"stdout", run.result.out}, {"stderr", run.result.err}, {"interrupted", false}, {"isImage", false}};
  payload["duration_ms"] = run.ms;
  return payload;
}

json before_bash(const ToolProject& project, const std::string& command) {
  return hook_payload(project, "PreToolUse", "Bash", {{"command", command}, {"description", "Apply the migrations"}});
}

json before_edit(const ToolProject& project, const std::string& file, const std::string& old_text, const std::string& new_text) {
  return hook_payload(project, "PreToolUse", "Edit",
                      {{"file_path", project.path(file)}, {"old_string", old_text}, {"new_string", new_text}, {"replace_all", false}});
}

json before_write(const ToolProject& project, const std::string& file, const std::string& content) {
  return hook_payload(project, "PreToolUse", "Write", {{"file_path", project.path(file)}, {"content", content}});
}

json after_write(const ToolProject& project, const std::string& file, const std::string& content) {
  json payload = hook_payload(project, "PostToolUse", "Write", {{"file_path", project.path(file)}, {"content", content}});
  payload["tool_response"] = {{"type", "update"}, {"filePath", project.path(file)}, {"content", content}, {"structuredPatch", json::array()}};
  payload["duration_ms"] = 12;
  return payload;
}

namespace {

const std::map<std::string, std::string> kHookEnv = {{"PATH", "/usr/bin:/bin"}, {"HOME", "/nonexistent"}};

HookAnswer run_hook(const std::string& binary, const json& payload, bool pre) {
  ProcessResult r = run_process(binary, {}, payload.dump(), kHookEnv, "", 20000);
  HookAnswer answer;
  answer.raw = r.out;
  answer.err = r.err;
  answer.exit_code = r.exit_code;
  json out = json::parse(r.out, nullptr, false);
  if (out.is_discarded() || !out.is_object()) return answer;
  const json& decided = pre ? out.value("hookSpecificOutput", json::object()) : out;
  answer.decision = decided.value(pre ? "permissionDecision" : "decision", "");
  answer.reason = decided.value(pre ? "permissionDecisionReason" : "reason", "");
  return answer;
}

}  // namespace

HookAnswer run_pre_hook(const std::string& binary, const json& payload) { return run_hook(binary, payload, true); }
HookAnswer run_post_hook(const std::string& binary, const json& payload) { return run_hook(binary, payload, false); }

std::set<std::string> rules_for(const json& findings, const std::string& file) {
  std::set<std::string> rules;
  for (const auto& f : findings)
    if (f.value("file", "").find(file) != std::string::npos) rules.insert(f.value("rule", ""));
  return rules;
}

std::string replace_function_body(const std::string& text, const std::string& signature, const std::string& body) {
  size_t open = text.find(signature);
  if (open == std::string::npos) throw std::runtime_error("no '" + signature + "' in:\n" + text);
  open += signature.size();
  int depth = 1;
  size_t close = open;
  for (; close < text.size() && depth > 0; ++close) depth += text[close] == '{' ? 1 : text[close] == '}' ? -1 : 0;
  if (depth != 0) throw std::runtime_error("unbalanced braces after '" + signature + "'");
  return text.substr(0, open) + "\n" + body + "\n" + text.substr(close - 1);
}

}  // namespace pgguard::testing
