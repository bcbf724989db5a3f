#include "guard/pre_tool_use.h"

#include "guard/guard.h"

namespace pgguard {

std::string run_pre_tool_use(const hook_io::RawInput& raw, const std::map<std::string, std::string>& env,
                             const std::string& process_cwd) {
  Policy builtin = builtin_policy();
  auto payload = hook_io::parse_payload(raw, builtin.limits.max_stdin_bytes);
  nlohmann::json no_input;
  if (!payload.error.empty()) return hook_io::pre_tool_use_output(guard_error_decision(payload.error, builtin), no_input);
  const nlohmann::json& json = payload.json;

  auto tool = hook_io::string_field(json, "tool_name");
  if (!tool) return hook_io::pre_tool_use_output(guard_error_decision("the hook input has no string tool_name", builtin), no_input);
  if (*tool != "Bash") return "";
  const nlohmann::json& tool_input = json.contains("tool_input") ? json["tool_input"] : no_input;
  auto command = hook_io::string_field(json, "tool_input.command");
  if (!command)
    return hook_io::pre_tool_use_output(guard_error_decision("the Bash hook input has no string tool_input.command", builtin), tool_input);

  GuardRequest request;
  request.command = *command;
  request.env = env;
  auto cwd = hook_io::string_field(json, "cwd");
  if (json.contains("cwd") && !cwd)
    return hook_io::pre_tool_use_output(guard_error_decision("the hook input's cwd is not a string", builtin), tool_input);
  request.cwd = cwd ? *cwd : process_cwd;
  if (auto it = env.find("CLAUDE_PROJECT_DIR"); it != env.end()) request.project_dir = it->second;
  Policy policy = load_policy(request.cwd, request.project_dir);
  return hook_io::pre_tool_use_output(check_command(request, policy), tool_input);
}

}  // namespace pgguard
