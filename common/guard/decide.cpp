#include "guard/decide.h"

#include <algorithm>
#include <set>

#include "policy/backup.h"
#include "util/secrets.h"
#include "util/text.h"

namespace pgguard {
namespace {

constexpr size_t kMaxReasonChars = 9000;

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
  return redact(reason);
}

void apply_confirmation(Decision& decision, const Confirmation& confirmation, const BackupSearch& search, const Policy& policy,
                        std::string& preface) {
  bool confirmable_deny = std::any_of(decision.findings.begin(), decision.findings.end(), [&](const Finding& f) {
    auto it = policy.rules.find(f.rule);
    return f.verdict == Verdict::Deny && it != policy.rules.end() && it->second.confirmable;
  });
  if (!confirmation.confirmed || !confirmable_deny) return;
  std::vector<std::string> roots = {search.cwd};
  if (!search.project_dir.empty() && search.project_dir != search.cwd) roots.push_back(search.project_dir);
  auto backup = find_recent_backup(roots, policy.backup_directories, std::chrono::hours(policy.backup_max_age_hours), search.now);
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

// With allow_read_only, SQL that only reads is approved outright.
bool only_reads(const GuardFacts& facts) {
  if (facts.sql.empty() || !facts.clis.empty() || !facts.report->opaque_scripts.empty()) return false;
  return std::all_of(facts.sql.begin(), facts.sql.end(), [](const SqlCheck& c) {
    return c.sink->sql && std::all_of(c.statements.begin(), c.statements.end(), [](const sql::Statement& s) {
      return std::all_of(s.facts.begin(), s.facts.end(), [](const sql::Fact& f) { return f.kind == sql::FactKind::Read; });
    });
  });
}

}  // namespace

Decision guard_error_decision(const std::string& why, const Policy& policy) {
  Decision decision;
  decision.verdict = Verdict::Ask;
  decision.findings.push_back({"guard-error", why + ". Safe way forward: a human should look at this call before it runs.", Verdict::Ask});
  decision.reason = compose_reason(decision, policy, "");
  return decision;
}

Decision decide(const GuardFacts& facts, const Policy& policy, const Confirmation& confirmation, const BackupSearch& backups) {
  Decision decision;
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
  apply_confirmation(decision, confirmation, backups, policy, preface);
  for (const auto& f : decision.findings) decision.verdict = std::max(decision.verdict, f.verdict);
  // Findings of rules set to `allow` never decide: the call is not approved on their account (the
  // client's own permission settings apply), and they stay listed for check-command, explain and
  // the audit log.
  if (decision.verdict == Verdict::Allow) decision.verdict = Verdict::None;
  if (decision.verdict == Verdict::None && policy.allow_read_only && only_reads(facts)) {
    decision.verdict = Verdict::Allow;
    decision.reason = "pgguard allow: every SQL statement is read-only (allow_read_only is on).";
    return decision;
  }
  if (decision.verdict == Verdict::None) return decision;
  if (!confirmation.command_without_flag.empty() && decision.verdict == Verdict::Ask)
    decision.updated_command = confirmation.command_without_flag;
  decision.reason = compose_reason(decision, policy, preface);
  return decision;
}

}  // namespace pgguard
