#include "guard/guard.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <set>

#include "lint/discover.h"
#include "lint/pooler.h"
#include "lint/project.h"
#include "policy/backup.h"
#include "policy/guard_rule.h"
#include "shell/parser.h"
#include "sinks/find.h"
#include "sinks/secrets.h"
#include "util/embedded.h"
#include "util/git.h"
#include "util/text.h"

namespace pgguard {
namespace {

constexpr size_t kMaxReasonChars = 9000;

struct Confirmation {
  bool confirmed = false;
  std::string why;
  std::string command_without_flag;  // set when a trailing --confirm was removed
};

Confirmation find_confirmation(const std::string& command) {
  Confirmation c;
  std::string trimmed = trim(command);
  if (ends_with(trimmed, " --confirm")) {
    c.confirmed = true;
    c.why = "--confirm";
    c.command_without_flag = trim(trimmed.substr(0, trimmed.size() - 10));
    return c;
  }
  auto parsed = shell::parse(command);
  for (const auto& list : parsed.script->lists)
    for (const auto& pipeline : list.pipelines)
      for (const auto& cmd : pipeline.commands)
        for (const auto& assignment : cmd.assignments)
          if (assignment.name == "PGGUARD_CONFIRM") {
            c.confirmed = true;
            c.why = assignment.value.source.empty() ? "(no reason given)" : assignment.value.source;
          }
  return c;
}

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

GuardFacts gather(const sinks::Report& report, const Policy& policy, const Budget& budget, const std::string& cwd) {
  GuardFacts facts;
  facts.report = &report;
  sql::ClassifyOptions options;
  options.side_effect_functions = policy.side_effect_functions;
  options.budget = &budget;
  for (const auto& sink : report.sql) {
    SqlCheck check{&sink, {}, target::assess(sink.target, policy)};
    if (sink.sql) check.statements = sql::classify(*sink.sql, options);
    add_psql_events(check);
    facts.sql.push_back(std::move(check));
  }
  for (const auto& call : report.clis) facts.clis.push_back({&call, target::assess(call.target, policy)});
  add_project_pooler(facts, cwd);
  std::set<std::string> seen;
  for (const auto& source : report.sources)
    for (auto& secret : sinks::find_secrets(source))
      if (seen.insert(secret.redacted).second) facts.secrets.push_back(std::move(secret));
  lint_pending_migrations(facts, cwd, budget);
  if (!report.shell_error.empty()) facts.errors.push_back("the command could not be parsed as shell (" + report.shell_error + ")");
  if (report.budget_exhausted || budget.expired())
    facts.errors.push_back("the analysis did not finish within " + std::to_string(policy.limits.budget_ms) + " ms");
  return facts;
}

std::string compose_reason(const Decision& decision, const Policy& policy, const std::string& preface) {
  std::string reason = "pgguard " + std::string(verdict_name(decision.verdict)) + ":";
  if (!preface.empty()) reason += " " + preface;
  std::set<std::string> seen;
  for (const auto& finding : decision.findings) {
    if (finding.verdict < Verdict::Ask || !seen.insert(finding.rule + finding.message).second) continue;
    std::string line = "\n- [" + finding.rule + "] " + finding.message;
    if (reason.size() + line.size() > kMaxReasonChars) {
      reason += "\n- (more findings omitted)";
      break;
    }
    reason += line;
  }
  for (const auto& note : policy.notes) reason += "\nNote: " + note + ".";
  return sinks::redact(reason);
}

void apply_confirmation(Decision& decision, const Confirmation& confirmation, const GuardRequest& request, const Policy& policy,
                        std::string& preface) {
  bool confirmable_deny = std::any_of(decision.findings.begin(), decision.findings.end(), [&](const Finding& f) {
    auto it = policy.rules.find(f.rule);
    return f.verdict == Verdict::Deny && it != policy.rules.end() && it->second.confirmable;
  });
  if (!confirmation.confirmed || !confirmable_deny) return;
  std::vector<std::string> roots = {request.cwd};
  if (!request.project_dir.empty() && request.project_dir != request.cwd) roots.push_back(request.project_dir);
  auto backup = find_recent_backup(roots, policy.backup_directories, std::chrono::hours(policy.backup_max_age_hours), request.now);
  if (!backup) {
    preface = "confirmed (" + shorten(confirmation.why, 80) + "), but no backup from the last " +
              std::to_string(policy.backup_max_age_hours) + " h was found in " + join(policy.backup_directories, ", ") +
              ". Take one first: pg_dump --format=custom --file=backups/$(date +%Y%m%d-%H%M%S).dump \"$DATABASE_URL\" "
              "(mkdir -p backups first), then re-run the confirmed command.";
    return;
  }
  for (auto& f : decision.findings) {
    auto it = policy.rules.find(f.rule);
    if (f.verdict == Verdict::Deny && it != policy.rules.end() && it->second.confirmable) f.verdict = Verdict::Ask;
  }
  preface = "confirmed by the agent (" + shorten(confirmation.why, 80) + "); backup found: " + backup->path + " (" + backup->format +
            ", " + std::to_string(backup->age_minutes) + " minutes old).";
  bool still_denied = std::any_of(decision.findings.begin(), decision.findings.end(), [](const Finding& f) { return f.verdict == Verdict::Deny; });
  preface += still_denied ? " Confirmation cannot lift the remaining denials below." : " A human must approve.";
}

}  // namespace

bool mentions_database(std::string_view command) {
  static const std::vector<std::string> needles = [] {
    std::vector<std::string> out;
    std::string_view json = embedded_file("policy.json");
    rapidjson::Document policy;
    if (policy.Parse(json.data(), json.size()).HasParseError() || !policy.IsObject()) return out;
    auto list = policy.FindMember("prefilter");
    if (list == policy.MemberEnd() || !list->value.IsArray()) return out;
    for (const auto& item : list->value.GetArray())
      if (item.IsString()) out.emplace_back(item.GetString(), item.GetStringLength());
    return out;
  }();
  std::string folded;
  folded.reserve(command.size());
  for (char c : command)
    if (c != '\'' && c != '"') folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string unescaped;  // `ps\ql` reaches bash as psql
  for (size_t i = 0; i < folded.size(); ++i)
    if (!(folded[i] == '\\' && i + 1 < folded.size() && std::isalnum(static_cast<unsigned char>(folded[i + 1])))) unescaped += folded[i];
  return std::any_of(needles.begin(), needles.end(), [&](const std::string& needle) {
    return folded.find(needle) != std::string::npos || unescaped.find(needle) != std::string::npos;
  });
}

const sinks::CliCatalog& builtin_catalog() {
  static const sinks::CliCatalog catalog = sinks::CliCatalog::load(embedded_file("cli_catalog.json"));
  return catalog;
}

Decision guard_error_decision(const std::string& why, const Policy& policy) {
  Decision decision;
  decision.verdict = Verdict::Ask;
  decision.findings.push_back({"guard-error", why + ". Safe way forward: a human should look at this command before it runs.", Verdict::Ask});
  decision.reason = compose_reason(decision, policy, "");
  return decision;
}

Analysis analyse_command(const GuardRequest& request, const Policy& policy) {
  Analysis analysis;
  try {
    if (request.command.size() > policy.limits.max_command_bytes) {
      analysis.decision = guard_error_decision("the command is " + std::to_string(request.command.size()) + " bytes, over the " +
                                                   std::to_string(policy.limits.max_command_bytes) + "-byte limit the guard analyses",
                                               policy);
      return analysis;
    }
    if (!mentions_database(request.command)) {
      analysis.prefiltered = true;
      return analysis;
    }
    Budget budget{std::chrono::milliseconds(policy.limits.budget_ms)};
    Confirmation confirmation = find_confirmation(request.command);
    analysis.analysed_command = confirmation.command_without_flag.empty() ? request.command : confirmation.command_without_flag;

    sinks::FindContext context;
    context.cwd = request.cwd;
    context.env = request.env;
    context.catalog = builtin_catalog;
    context.budget = &budget;
    context.connection_variables = policy.connection_variables;
    context.environment_variables = policy.environment_variables;
    context.direct_variables = policy.pooler_detection.direct_variables;
    context.max_file_bytes = policy.limits.max_file_bytes;
    context.max_depth = policy.limits.max_depth;
    analysis.report = std::make_unique<sinks::Report>(sinks::find(analysis.analysed_command, context));
    analysis.facts = gather(*analysis.report, policy, budget, request.cwd);
    const GuardFacts& facts = analysis.facts;

    Decision& decision = analysis.decision;
    for (const auto& rule : guard_rules()) {
      std::vector<Finding> found;
      rule->check(facts, found);
      auto setting = policy.rules.find(std::string(rule->id()));
      Verdict verdict = setting == policy.rules.end() ? Verdict::Ask : setting->second.verdict;
      for (auto& f : found) {
        f.verdict = verdict;
        if (verdict != Verdict::None) decision.findings.push_back(std::move(f));
      }
    }
    std::string preface;
    apply_confirmation(decision, confirmation, request, policy, preface);
    for (const auto& f : decision.findings) decision.verdict = std::max(decision.verdict, f.verdict);
    // Findings of rules set to `allow` never decide: the command is not approved on their account
    // (Claude Code's own permission settings apply), and they stay listed for check-command,
    // explain and the audit log.
    if (decision.verdict == Verdict::Allow) decision.verdict = Verdict::None;

    if (decision.verdict == Verdict::None && policy.allow_read_only && !facts.sql.empty()) {
      bool read_only = std::all_of(facts.sql.begin(), facts.sql.end(), [](const SqlCheck& c) {
        return c.sink->sql && std::all_of(c.statements.begin(), c.statements.end(), [](const sql::Statement& s) {
          return std::all_of(s.facts.begin(), s.facts.end(), [](const sql::Fact& f) { return f.kind == sql::FactKind::Read; });
        });
      });
      if (read_only && facts.clis.empty() && analysis.report->opaque_scripts.empty()) {
        decision.verdict = Verdict::Allow;
        decision.reason = "pgguard allow: every SQL statement is read-only (allow_read_only is on).";
        return analysis;
      }
    }
    if (decision.verdict == Verdict::None) return analysis;
    if (!confirmation.command_without_flag.empty() && decision.verdict == Verdict::Ask)
      decision.updated_command = confirmation.command_without_flag;
    decision.reason = compose_reason(decision, policy, preface);
  } catch (const std::exception& e) {
    analysis.decision = guard_error_decision(std::string("internal error: ") + e.what(), policy);
  } catch (...) {
    analysis.decision = guard_error_decision("internal error", policy);
  }
  return analysis;
}

Decision check_command(const GuardRequest& request, const Policy& policy) { return analyse_command(request, policy).decision; }

}  // namespace pgguard
