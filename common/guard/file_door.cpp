#include "guard/file_door.h"

#include "guard/facts.h"
#include "lint/migration.h"
#include "lint/project.h"
#include "util/secrets.h"
#include "util/files.h"
#include "util/git.h"
#include "util/text.h"

namespace pgguard {
namespace {

// Why the migration counts as applied somewhere, or "" when it is new. What was shared decides,
// not what was generated: a tool's journal (drizzle's meta/_journal.json) lists a migration as soon
// as it is generated, before any database ran it.
std::string applied_where(const std::string& file) {
  if (!is_regular_file(file)) return "";
  if (git_has_file_at(file, "@{upstream}")) return "it is on the upstream branch, so other clones and deploys have it";
  if (git_has_file_at(file, "HEAD")) return "it is committed at HEAD, so it may have been pushed and applied";
  return "";
}

bool is_migration(const std::string& file) {
  lint::LintProject project = lint::load_lint_project(file.substr(0, file.find_last_of('/')));
  std::string relative = starts_with(file, project.root + "/") ? file.substr(project.root.size()) : file;
  return lint::is_migration_path(relative, project.migration_globs) || lint::is_migration_path(file, project.migration_globs);
}

}  // namespace

Analysis analyse_file_write(const std::vector<WrittenFile>& files, const std::string& cwd, const Policy& policy) {
  Analysis analysis;
  try {
    GuardFacts& facts = analysis.facts;
    for (const auto& written : files) {
      std::string file = resolve_path(cwd, written.path);
      analysis.analysed_command += (analysis.analysed_command.empty() ? "" : ", ") + file;
      if (!starts_with(base_name(file), ".env"))  // an untracked .env is where a password belongs
        for (auto& secret : find_secrets(written.added_text))
          if (!(secret.kind == "PGPASSWORD" && ends_with(file, ".md"))) facts.written_secrets.push_back({file, std::move(secret)});
      if (is_migration(file))
        if (std::string where = applied_where(file); !where.empty()) facts.edited_migrations.push_back({file, where});
    }
    analysis.decision = decide(facts, policy, {}, {cwd, "", std::chrono::system_clock::now()});
  } catch (const std::exception& e) {
    analysis.decision = guard_error_decision(std::string("internal error: ") + e.what(), policy);
  }
  return analysis;
}

}  // namespace pgguard
