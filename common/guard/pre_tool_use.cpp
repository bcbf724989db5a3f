#include "guard/pre_tool_use.h"

#include "guard/file_guard.h"
#include "guard/guard.h"
#include "hook_io/audit_log.h"

#include <algorithm>

namespace pgguard {
namespace {

// One audit line per answer that is not silence (every answer with audit.all_decisions).
std::string logged(const Decision& decision, const nlohmann::json& payload, const std::string& subject, const Policy& policy,
                   const std::map<std::string, std::string>& env, const std::string& cwd, const nlohmann::json& tool_input) {
  if (decision.verdict != Verdict::None || policy.audit.all_decisions) {
    audit::Entry entry;
    entry.time = audit::now_iso8601();
    entry.hook = "PreToolUse";
    entry.session_id = hook_io::string_field(payload, "session_id").value_or("");
    entry.cwd = cwd;
    entry.tool = hook_io::string_field(payload, "tool_name").value_or("");
    entry.decision = std::string(verdict_name(decision.verdict));
    for (const auto& f : decision.findings)
      if (std::find(entry.rules.begin(), entry.rules.end(), f.rule) == entry.rules.end()) entry.rules.push_back(f.rule);
    entry.subject = subject;
    auto project = env.find("CLAUDE_PROJECT_DIR");
    audit::append(entry, policy.audit, audit::log_path(project == env.end() ? cwd : project->second, env));
  }
  return hook_io::pre_tool_use_output(decision, tool_input);
}

}  // namespace

std::string run_pre_tool_use(const hook_io::RawInput& raw, const std::map<std::string, std::string>& env,
                             const std::string& process_cwd) {
  auto payload = hook_io::parse_payload(raw, hook_io::kMaxPayloadBytes);
  nlohmann::json no_input;
  if (!payload.error.empty()) return hook_io::pre_tool_use_output(guard_error_decision(payload.error, builtin_policy()), no_input);
  const nlohmann::json& json = payload.json;

  auto tool = hook_io::string_field(json, "tool_name");
  if (!tool) return hook_io::pre_tool_use_output(guard_error_decision("the hook input has no string tool_name", builtin_policy()), no_input);
  const nlohmann::json& tool_input = json.contains("tool_input") ? json["tool_input"] : no_input;
  std::map<std::string, std::string>::const_iterator project = env.find("CLAUDE_PROJECT_DIR");
  if (*tool == "Write" || *tool == "Edit" || *tool == "MultiEdit") {
    std::string cwd = hook_io::string_field(json, "cwd").value_or(process_cwd);
    Policy policy = load_policy(cwd, project == env.end() ? "" : project->second);
    return logged(check_file_write(*tool, tool_input, cwd, policy), json, hook_io::string_field(json, "tool_input.file_path").value_or(""),
                  policy, env, cwd, tool_input);
  }
  if (*tool != "Bash") return "";
  auto command = hook_io::string_field(json, "tool_input.command");
  if (!command)
    return hook_io::pre_tool_use_output(guard_error_decision("the Bash hook input has no string tool_input.command", builtin_policy()), tool_input);

  // Most commands mention nothing database-related: answer before loading any policy. (Very long
  // commands go on to the size check.)
  if (command->size() <= 65536 && !mentions_database(*command)) return "";
  GuardRequest request;
  request.command = *command;
  request.env = env;
  auto cwd = hook_io::string_field(json, "cwd");
  if (json.contains("cwd") && !cwd)
    return hook_io::pre_tool_use_output(guard_error_decision("the hook input's cwd is not a string", builtin_policy()), tool_input);
  request.cwd = cwd ? *cwd : process_cwd;
  if (project != env.end()) request.project_dir = project->second;
  Policy policy = load_policy(request.cwd, request.project_dir);
  return logged(check_command(request, policy), json, request.command, policy, env, request.cwd, tool_input);
}

}  // namespace pgguard
