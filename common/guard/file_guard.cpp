#include "guard/file_guard.h"

#include "lint/migration.h"
#include "lint/project.h"
#include "sinks/secrets.h"
#include "util/files.h"
#include "util/git.h"
#include "util/text.h"

namespace pgguard {
namespace {

using nlohmann::json;

std::string added_text(const std::string& tool, const json& input) {
  auto field = [&](const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (tool == "Write") return field(input, "content");
  if (tool == "Edit") return field(input, "new_string");
  std::string text;
  if (auto edits = input.find("edits"); edits != input.end() && edits->is_array())
    for (const auto& edit : *edits)
      if (edit.is_object()) text += field(edit, "new_string") + "\n";
  return text;
}

// Why the migration counts as applied somewhere, or "" when it is new. What was shared decides,
// not what was generated: a tool's journal (drizzle's meta/_journal.json) lists a migration as soon
// as it is generated, before any database ran it.
std::string applied_where(const std::string& file) {
  if (!is_regular_file(file)) return "";
  if (git_has_file_at(file, "@{upstream}")) return "it is on the upstream branch, so other clones and deploys have it";
  if (git_has_file_at(file, "HEAD")) return "it is committed at HEAD, so it may have been pushed and applied";
  return "";
}

}  // namespace

const std::vector<FileWriteRule>& file_write_only_rules() {
  static const std::vector<FileWriteRule> rules = {
      {"applied-migration-edit", "Editing a migration that was already committed or recorded as applied: write a new one"}};
  return rules;
}

Decision check_file_write(const std::string& tool, const json& tool_input, const std::string& cwd, const Policy& policy) {
  Decision decision;
  auto path_it = tool_input.find("file_path");
  if (path_it == tool_input.end() || !path_it->is_string()) return decision;
  std::string file = resolve_path(cwd, path_it->get<std::string>());
  auto verdict = [&](const char* rule) { return policy.rules.count(rule) ? policy.rules.at(rule).verdict : Verdict::Deny; };

  if (!starts_with(base_name(file), ".env")) {
    for (const auto& secret : sinks::find_secrets(added_text(tool, tool_input))) {
      if (secret.kind == "PGPASSWORD" && ends_with(file, ".md")) continue;
      decision.findings.push_back({"hardcoded-password",
                                   "writing " + file + " would hardcode a PostgreSQL " + secret.kind + " (`" + secret.redacted +
                                       "`). Safe way forward: read the connection from the environment (process.env.DATABASE_URL, "
                                       "os.environ[\"DATABASE_URL\"], ENV[\"DATABASE_URL\"]) and keep the password in an untracked .env file.",
                                   verdict("hardcoded-password")});
    }
  }
  lint::LintProject project = lint::load_lint_project(file.substr(0, file.find_last_of('/')));
  std::string relative = starts_with(file, project.root + "/") ? file.substr(project.root.size()) : file;
  if (lint::is_migration_path(relative, project.migration_globs) || lint::is_migration_path(file, project.migration_globs)) {
    std::string where = applied_where(file);
    if (!where.empty())
      decision.findings.push_back({"applied-migration-edit",
                                   file + " is a migration that was already applied somewhere (" + where +
                                       "); editing it changes history that other databases will never replay. Safe way "
                                       "forward: leave it as it is and write a new migration with the change instead.",
                                   verdict("applied-migration-edit")});
  }
  for (const auto& f : decision.findings) decision.verdict = std::max(decision.verdict, f.verdict);
  if (decision.verdict != Verdict::None) {
    decision.reason = "pgguard " + std::string(verdict_name(decision.verdict)) + ":";
    for (const auto& f : decision.findings) decision.reason += "\n- [" + f.rule + "] " + f.message;
    decision.reason = sinks::redact(decision.reason);
  }
  return decision;
}

}  // namespace pgguard
