#include "guard/post_tool_use.h"

#include <algorithm>
#include <set>

#include "hook_io/audit_log.h"
#include "lint/discover.h"
#include "lint/project.h"
#include "lint/report.h"
#include "policy/config.h"
#include "util/files.h"
#include "util/git.h"
#include "util/text.h"

namespace pgguard {
namespace {

using nlohmann::json;

// `config_notes`: problems with the project's .pgguard.json, said once in additionalContext.
std::string answer(const std::vector<lint::LintFinding>& findings, const std::string& what, const std::vector<std::string>& config_notes) {
  if (findings.empty()) return "";
  bool errors = std::any_of(findings.begin(), findings.end(), [](const lint::LintFinding& f) { return f.severity == lint::Severity::Error; });
  std::string text = lint::render_for_agent(findings, what);
  std::string notes;
  for (const auto& note : config_notes) notes += "pgguard: " + note + ".\n";
  auto context = [](const std::string& text) { return json{{"hookEventName", "PostToolUse"}, {"additionalContext", text}}; };
  if (errors) {
    text += "\nThe migration has not been applied yet: rewrite it as the fixes say, then it will be linted again.";
    json out = {{"decision", "block"}, {"reason", text}};
    if (!notes.empty()) out["hookSpecificOutput"] = context(notes);
    return hook_io::dump(out) + "\n";
  }
  return hook_io::dump({{"hookSpecificOutput", context(notes + text)}}) + "\n";
}

std::string parent(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos || slash == 0 ? "/" : path.substr(0, slash);
}

// Migrations a Bash command wrote: changed in git (or untracked) and modified during the call.
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

}  // namespace

std::string run_post_tool_use(const hook_io::RawInput& raw, const std::map<std::string, std::string>& env, const std::string& process_cwd,
                              std::chrono::system_clock::time_point now) {
  auto payload = hook_io::parse_payload(raw, hook_io::kMaxPayloadBytes);
  if (!payload.error.empty())
    return hook_io::dump({{"hookSpecificOutput", {{"hookEventName", "PostToolUse"},
                                                   {"additionalContext", "pgguard could not check this tool call: " + payload.error + "."}}}}) + "\n";
  const json& p = payload.json;
  std::string tool = hook_io::string_field(p, "tool_name").value_or("");
  std::string cwd = hook_io::string_field(p, "cwd").value_or(process_cwd);
  auto log = [&](const std::vector<lint::LintFinding>& findings, const std::string& subject) {
    if (findings.empty()) return std::string();
    auto project = env.find("CLAUDE_PROJECT_DIR");
    Policy policy = load_policy(cwd, project == env.end() ? "" : project->second);  // its audit settings and config problems
    std::string out = answer(findings, subject, policy.notes);
    audit::Entry entry{audit::now_iso8601(), "PostToolUse", hook_io::string_field(p, "session_id").value_or(""), cwd, tool,
                       out.rfind("{\"decision\"", 0) == 0 ? "block" : "context", {}, subject};
    for (const auto& f : findings)
      if (std::find(entry.rules.begin(), entry.rules.end(), f.rule) == entry.rules.end()) entry.rules.push_back(f.rule);
    audit::append(entry, policy.audit, audit::log_path(project == env.end() ? cwd : project->second, env));
    return out;
  };
  if (tool == "Write" || tool == "Edit" || tool == "MultiEdit") {
    auto path = hook_io::string_field(p, "tool_input.file_path");
    if (!path) path = hook_io::string_field(p, "tool_response.filePath");
    if (!path) return "";
    std::string file = resolve_path(cwd, *path);
    lint::LintProject project = lint::load_lint_project(parent(file));
    std::string relative = starts_with(file, project.root + "/") ? file.substr(project.root.size()) : file;
    if (!lint::is_migration_path(relative, project.migration_globs) && !lint::is_migration_path(file, project.migration_globs))
      return "";
    lint::LintResult result = lint::lint_path(file, project.options);
    return log(result.findings, *path);
  }
  if (tool == "Bash") {
    long long duration = 60000;
    if (p.contains("duration_ms") && p["duration_ms"].is_number_integer()) duration = p["duration_ms"].get<long long>();
    lint::LintProject project = lint::load_lint_project(cwd);
    std::vector<lint::LintFinding> all;
    std::vector<std::string> files = changed_migrations(project, duration, now);
    for (const auto& file : files) {
      auto result = lint::lint_path(file, project.options);
      all.insert(all.end(), result.findings.begin(), result.findings.end());
    }
    return log(all, files.size() == 1 ? files[0] : std::to_string(files.size()) + " migrations the command wrote");
  }
  return "";
}

}  // namespace pgguard
