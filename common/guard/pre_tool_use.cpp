#include "guard/pre_tool_use.h"

#include <algorithm>

#include "guard/file_door.h"
#include "guard/guard.h"
#include "guard/mcp_door.h"
#include "hook_io/audit_log.h"

namespace pgguard {
namespace {

// Commands up to this size are prefiltered before the policy is loaded; longer ones go on to the
// size check.
constexpr size_t kPrefilteredCommandBytes = 65536;

// One audit line per answer that is not silence (every answer with audit.all_decisions).
void log_decision(const Decision& decision, const ToolCall& call, const std::string& subject, const Policy& policy,
                  const std::map<std::string, std::string>& env, const std::string& cwd) {
  if (decision.verdict == Verdict::None && !policy.audit.all_decisions) return;
  audit::Entry entry;
  entry.time = audit::now_iso8601();
  entry.hook = "PreToolUse";
  entry.session_id = call.session_id;
  entry.cwd = cwd;
  entry.tool = call.tool;
  entry.decision = std::string(verdict_name(decision.verdict));
  for (const auto& f : decision.findings)
    if (std::find(entry.rules.begin(), entry.rules.end(), f.rule) == entry.rules.end()) entry.rules.push_back(f.rule);
  entry.subject = subject;
  std::string project = project_dir_of(env);
  audit::append(entry, policy.audit, audit::log_path(project.empty() ? cwd : project, env));
}

}  // namespace

std::string project_dir_of(const std::map<std::string, std::string>& env) {
  for (const char* name : {"CLAUDE_PROJECT_DIR", "GEMINI_PROJECT_DIR"})
    if (auto it = env.find(name); it != env.end() && !it->second.empty()) return it->second;
  return "";
}

Analysis analyse_tool_call(const ToolCall& call, const std::map<std::string, std::string>& env, const std::string& cwd, const Policy& policy) {
  switch (call.door) {
    case ToolCall::Door::Shell: {
      GuardRequest request;
      request.command = call.command;
      request.env = env;
      request.cwd = cwd;
      request.project_dir = project_dir_of(env);
      request.mentions_database = call.command.size() <= kPrefilteredCommandBytes;
      return analyse_command(request, policy);
    }
    case ToolCall::Door::FileWrite:
      return analyse_file_write(call.files, cwd, policy);
    case ToolCall::Door::Mcp:
      return analyse_mcp_call(call, cwd, policy);
    case ToolCall::Door::Other:
      break;
  }
  Analysis none;
  none.prefiltered = true;
  return none;
}

Answer run_pre_tool_use(const hook_io::RawInput& raw, const std::map<std::string, std::string>& env, const std::string& process_cwd,
                        const Client& client) {
  auto payload = hook_io::parse_payload(raw, hook_io::kMaxPayloadBytes);
  if (!payload.error.empty()) return client.encode(guard_error_decision(payload.error, builtin_policy()), ToolCall{});
  ToolCall call = client.adapt(payload.json);
  if (!call.error.empty()) return client.encode(guard_error_decision(call.error, builtin_policy()), call);
  if (call.door == ToolCall::Door::Other) return {};
  std::string cwd = call.cwd.empty() ? process_cwd : call.cwd;
  // Most commands and MCP tools have nothing to do with a database: answer before loading any policy.
  if (call.door == ToolCall::Door::Shell && call.command.size() <= kPrefilteredCommandBytes && !mentions_database(call.command, cwd)) return {};
  if (call.door == ToolCall::Door::Mcp && !mcp_call_may_reach_database(call)) return {};
  Policy policy = load_policy(cwd, project_dir_of(env));
  Analysis analysis = analyse_tool_call(call, env, cwd, policy);
  if (analysis.prefiltered) return {};
  log_decision(analysis.decision, call, call.door == ToolCall::Door::Shell ? call.command : analysis.analysed_command, policy, env, cwd);
  return client.encode(analysis.decision, call);
}

}  // namespace pgguard
