#include "guard/facts.h"

#include <algorithm>
#include <set>

#include "lint/discover.h"
#include "lint/pooler.h"
#include "lint/project.h"
#include "sinks/cluster.h"
#include "util/git.h"
#include "util/secrets.h"
#include "util/text.h"

namespace pgguard {
namespace {

// psql meta-command effects become statements so the SQL rules see them.
void add_psql_events(SqlCheck& check) {
  for (const auto& event : check.sink->events) {
    if (event.kind == sinks::PsqlEvent::Kind::Connect) continue;
    sql::FactKind kind = event.kind == sinks::PsqlEvent::Kind::ShellEscape ? sql::FactKind::ShellEscape : sql::FactKind::Opaque;
    check.statements.push_back({event.what, 1, {{kind, event.what}}});
  }
}

// Migrations not applied anywhere yet: new or changed in the working tree; without git, the
// newest three.
void lint_pending_migrations(GuardFacts& facts, const std::string& cwd, const Budget& budget) {
  bool migrates = std::any_of(facts.clis.begin(), facts.clis.end(), [](const CliCheck& c) {
    return c.call->judgement.cls == sinks::CliClass::Migrate && !c.target.production;
  });
  if (!migrates || cwd.empty()) return;
  lint::LintProject project = lint::load_lint_project(cwd);
  std::vector<std::string> all = lint::find_migrations(project.root, project.migration_globs, 5000, lint::kHookSearchEntries);
  std::vector<std::string> pending;
  std::optional<std::set<std::string>> changed;
  if (!all.empty()) changed = git_changed_files(project.root);  // no git process without migrations
  if (changed) {
    for (const auto& file : all)
      if (changed->count(file)) pending.push_back(file);
  } else {
    pending.assign(all.size() > 3 ? all.end() - 3 : all.begin(), all.end());
  }
  facts.pending.ran = true;
  facts.pending.files = pending.size();
  for (const auto& file : pending) {
    if (budget.expired()) break;
    auto result = lint::lint_path(file, project.options);
    facts.pending.findings.insert(facts.pending.findings.end(), result.findings.begin(), result.findings.end());
  }
}

// A migration run whose connection the command does not show: the project's own word on its pooler
// (.pgguard.json, CLAUDE.md) stands in for the URL.
void add_project_pooler(GuardFacts& facts, const std::string& cwd) {
  std::optional<std::string> project;
  for (auto& check : facts.clis) {
    const auto& signals = check.call->target;
    bool connection_shown = std::any_of(signals.begin(), signals.end(), [](const sinks::TargetSignal& s) {
      return s.kind == sinks::TargetSignal::Kind::Connection;
    });
    if (check.call->judgement.cls != sinks::CliClass::Migrate || connection_shown || cwd.empty()) continue;
    if (!project) project = lint::transaction_pooler_evidence(cwd);
    check.target.pooler = *project;
  }
}

// Off production, a database the command makes for itself is not reported on: a scratch sink
// loses its writes, DDL and drops (not its shell escapes or side effects), a scratch CLI call goes.
// CREATE DATABASE of a scratch-named database and DROP DATABASE of one created earlier on the same
// server are quiet in any sink.
void quiet_scratch(SqlCheck& check) {
  bool any = !check.sink->scratch.empty() || std::any_of(check.statements.begin(), check.statements.end(), [](const sql::Statement& s) {
               return contains_ci(s.text, "database");
             });
  if (check.target.production || !any) return;
  static const RE2 create(R"((?is)^\s*CREATE\s+DATABASE\s+"?([A-Za-z_][A-Za-z0-9_$]*))");
  static const RE2 drop(R"re((?is)^\s*DROP\s+DATABASE\s+(?:IF\s+EXISTS\s+)?"?([A-Za-z_][A-Za-z0-9_$]*)"?\s*(?:WITH\s*\(\s*FORCE\s*\))?\s*;?\s*$)re");
  const auto& created = check.sink->scratch_databases;
  for (auto& statement : check.statements) {
    std::string name;
    bool quiet = !check.sink->scratch.empty() ||
                 (RE2::PartialMatch(statement.text, create, &name) && RE2::PartialMatch(name, *sinks::ClusterCatalog::builtin().scratch_name)) ||
                 (RE2::PartialMatch(statement.text, drop, &name) && std::count(created.begin(), created.end(), name));
    if (!quiet) continue;
    auto& facts = statement.facts;
    facts.erase(std::remove_if(facts.begin(), facts.end(), [](const sql::Fact& f) {
                  return f.kind == sql::FactKind::BoundedWrite || f.kind == sql::FactKind::UnboundedWrite ||
                         f.kind == sql::FactKind::SchemaChange || f.kind == sql::FactKind::Destructive || f.kind == sql::FactKind::Maintenance;
                }),
                facts.end());
  }
}

}  // namespace

GuardFacts gather(const sinks::Report& report, const Policy& policy, const Budget& budget, const std::string& cwd, bool lint_pending) {
  GuardFacts facts;
  facts.report = &report;
  sql::ClassifyOptions options;
  options.side_effect_functions = policy.side_effect_functions;
  options.short_wait_functions = policy.short_waits.functions;
  options.max_wait_seconds = policy.short_waits.max_seconds;
  options.budget = &budget;
  for (const auto& sink : report.sql) {
    SqlCheck check{&sink, {}, target::assess(sink.target, policy)};
    if (sink.sql) check.statements = sql::classify(*sink.sql, options);
    add_psql_events(check);
    quiet_scratch(check);
    facts.sql.push_back(std::move(check));
  }
  for (const auto& call : report.clis) {
    CliCheck check{&call, target::assess(call.target, policy)};
    if (call.scratch.empty() || check.target.production) facts.clis.push_back(std::move(check));
  }
  add_project_pooler(facts, cwd);
  std::set<std::string> seen;
  for (const auto& source : report.sources)
    for (auto& secret : find_secrets(source))
      if (seen.insert(secret.redacted).second) facts.secrets.push_back(std::move(secret));
  if (lint_pending) lint_pending_migrations(facts, cwd, budget);
  if (!report.shell_error.empty()) facts.errors.push_back("the command could not be parsed as shell (" + report.shell_error + ")");
  if (report.budget_exhausted || budget.expired())
    facts.errors.push_back("the analysis did not finish within " + std::to_string(policy.limits.budget_ms) + " ms");
  return facts;
}

void lint_applied_migration(GuardFacts& facts, const std::string& name, const std::string& text, const std::string& cwd) {
  lint::LintProject project = lint::load_lint_project(cwd.empty() ? "." : cwd);
  auto result = lint::lint_text(name, text, project.options);
  facts.pending.ran = true;
  ++facts.pending.files;
  facts.pending.findings.insert(facts.pending.findings.end(), result.findings.begin(), result.findings.end());
}

}  // namespace pgguard
