#include "guard/post_tool_use.h"

#include <algorithm>
#include <set>

#include "guard/pre_tool_use.h"
#include "hook_io/audit_log.h"
#include "lint/discover.h"
#include "lint/project.h"
#include "lint/report.h"
#include "policy/config.h"
#include "sinks/mcp_call.h"
#include "util/files.h"
#include "util/git.h"
#include "util/text.h"

namespace pgguard {
namespace {

// How long a shell command is taken to have run when the client does not say.
constexpr long long kUnknownDurationMs = 60000;

std::string parent(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos || slash == 0 ? "/" : path.substr(0, slash);
}

// Migrations a shell command wrote: changed in git (or untracked) and modified during the call.
std::vector<std::string> changed_migrations(const lint::LintProject& project, long long duration_ms,
                                            std::chrono::system_clock::time_point now) {
  auto command_start = now - std::chrono::milliseconds(duration_ms);
  std::vector<std::string> candidates = lint::find_migrations(project.root, project.migration_globs, 5000, lint::kHookSearchEntries);
  std::vector<std::string> out;
  if (candidates.empty()) return out;
  std::optional<std::set<std::string>> changed = git_changed_files(project.root);
  for (const auto& file : candidates) {
    auto modified = modification_time(file);
    // A file system with whole-second times may date a file written during the call up to two
    // seconds early; one with finer times needs only a little slack, so that a migration the agent
    // wrote just before the command is not taken for one the command wrote.
    bool coarse = std::chrono::duration_cast<std::chrono::milliseconds>(modified ? modified->time_since_epoch() : std::chrono::milliseconds(0)).count() % 1000 == 0;
    auto slack = coarse ? std::chrono::milliseconds(2000) : std::chrono::milliseconds(10);
    if (!modified || *modified + slack < command_start) continue;
    if (changed && !changed->count(file)) continue;
    out.push_back(file);
  }
  return out;
}

// The files a call wrote, as the client named them: a write, edit or patch, or a filesystem MCP
// server's write_file / edit_file. A database MCP tool that applies a migration (apply_migration)
// has nothing left to lint afterwards: its SQL was linted before it ran, and it is on the server now.
std::vector<std::string> written_paths(const ToolCall& call) {
  std::vector<std::string> paths;
  if (call.door == ToolCall::Door::FileWrite)
    for (const auto& file : call.files) paths.push_back(file.path);
  if (call.door == ToolCall::Door::Mcp) {
    sinks::McpCall mcp{call.tool, call.mcp_server, call.mcp_tool, call.mcp_server_address, &call.input};
    for (const auto& file : sinks::find_mcp_sinks(mcp, sinks::builtin_mcp_catalog()).files) paths.push_back(file.first);
  }
  return paths;
}

struct Linted {
  std::vector<lint::LintFinding> findings;
  std::string subject;  // what was linted, for the agent and the audit log
  std::vector<std::string> config_notes;  // the lint settings of .pgguard.json that were ignored
};

void note_config(Linted& linted, const lint::LintProject& project) {
  for (const auto& note : project.notes)
    if (std::find(linted.config_notes.begin(), linted.config_notes.end(), note) == linted.config_notes.end()) linted.config_notes.push_back(note);
}

Linted lint_written(const ToolCall& call, const std::string& cwd, std::chrono::system_clock::time_point now) {
  Linted linted;
  std::vector<std::string> files;
  if (call.door == ToolCall::Door::Shell) {
    lint::LintProject project = lint::load_lint_project(cwd);
    note_config(linted, project);
    files = changed_migrations(project, call.duration_ms >= 0 ? call.duration_ms : kUnknownDurationMs, now);
    for (const auto& file : files) {
      auto result = lint::lint_path(file, project.options);
      linted.findings.insert(linted.findings.end(), result.findings.begin(), result.findings.end());
    }
    linted.subject = files.size() == 1 ? files[0] : std::to_string(files.size()) + " migrations the command wrote";
    return linted;
  }
  for (const auto& path : written_paths(call)) {
    std::string file = resolve_path(cwd, path);
    lint::LintProject project = lint::load_lint_project(parent(file));
    std::string relative = starts_with(file, project.root + "/") ? file.substr(project.root.size()) : file;
    if (!lint::is_migration_path(relative, project.migration_globs) && !lint::is_migration_path(file, project.migration_globs)) continue;
    note_config(linted, project);
    auto result = lint::lint_path(file, project.options);
    linted.findings.insert(linted.findings.end(), result.findings.begin(), result.findings.end());
    files.push_back(path);
  }
  linted.subject = files.size() == 1 ? files[0] : join(files, ", ");
  return linted;
}

// Problems with the project's .pgguard.json are said with the findings: the guard's, and the
// linter's own when the guard could read the file (otherwise the guard's note already says it).
LintFeedback feedback_for(const Linted& linted, const Policy& policy) {
  LintFeedback feedback;
  feedback.errors = std::any_of(linted.findings.begin(), linted.findings.end(), [](const lint::LintFinding& f) { return f.severity == lint::Severity::Error; });
  feedback.findings = lint::render_for_agent(linted.findings, linted.subject);
  if (feedback.errors) feedback.findings += "\nThe migration has not been applied yet: rewrite it as the fixes say, then it will be linted again.";
  for (const auto& note : policy.notes) feedback.notes += "pgguard: " + note + ".\n";
  if (!policy.project_config.empty())
    for (const auto& note : linted.config_notes) feedback.notes += "pgguard: " + note + ".\n";
  return feedback;
}

}  // namespace

Answer run_post_tool_use(const hook_io::RawInput& raw, const std::map<std::string, std::string>& env, const std::string& process_cwd,
                         const Client& client, std::chrono::system_clock::time_point now) {
  if (!client.encode_post) return {};
  auto payload = hook_io::parse_payload(raw, hook_io::kMaxPayloadBytes);
  std::string unreadable = payload.error;
  ToolCall call;
  if (unreadable.empty()) call = client.adapt(payload.json);
  if (unreadable.empty()) unreadable = call.error;
  if (!unreadable.empty()) return client.encode_post({false, "", "pgguard could not check this tool call: " + unreadable + "."});
  std::string cwd = call.cwd.empty() ? process_cwd : call.cwd;
  Linted linted = lint_written(call, cwd, now);
  if (linted.findings.empty()) return {};
  std::string project = project_dir_of(env);
  Policy policy = load_policy(cwd, project);  // its audit settings and configuration problems
  LintFeedback feedback = feedback_for(linted, policy);
  audit::Entry entry{audit::now_iso8601(), "PostToolUse", call.session_id, cwd, call.tool, feedback.errors ? "block" : "context", {}, linted.subject};
  for (const auto& f : linted.findings)
    if (std::find(entry.rules.begin(), entry.rules.end(), f.rule) == entry.rules.end()) entry.rules.push_back(f.rule);
  audit::append(entry, policy.audit, audit::log_path(project.empty() ? cwd : project, env));
  return client.encode_post(feedback);
}

}  // namespace pgguard
