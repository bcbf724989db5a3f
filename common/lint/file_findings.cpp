#include "lint/file_findings.h"

#include <re2/re2.h>

#include <algorithm>

#include "util/text.h"

namespace pgguard::lint {

bool unstated_convention(const std::string& rule, const LintOptions& options) {
  const RuleInfo* info = rule_info(rule);
  return info && !info->convention_stated_by.empty() && !options.enable.count(rule) && !options.stated_conventions.count(rule) &&
         !options.severities.count(rule);
}

FileFindings::FileFindings(const ParsedMigration& parsed, const LintOptions& options, const std::set<std::string>& said)
    : options_(options), path_(parsed.file.path), said_(said) {
  read_ignores(parsed);
}

void FileFindings::read_ignores(const ParsedMigration& parsed) {
  static const RE2 directive(R"(^--\s*pgguard-ignore(-file)?\s*:\s*(.*)$)");
  static const RE2 list(R"(^([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(.*)$)");
  std::vector<LintFinding> problems;
  for (const auto& comment : parsed.comments) {
    std::string file_flag, rest;
    if (!RE2::FullMatch(trim(comment.text), directive, &file_flag, &rest)) continue;
    Ignore ignore;
    ignore.whole_file = !file_flag.empty();
    ignore.line = comment.line;
    std::string rules;
    if (RE2::FullMatch(trim(rest), list, &rules, &ignore.reason)) {
      for (size_t start = 0; start <= rules.size();) {
        size_t comma = rules.find(',', start);
        ignore.rules.push_back(trim(rules.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    }
    ignore.reason = trim(ignore.reason);
    std::string problem;
    if (ignore.rules.empty()) problem = "names no rule";
    for (const auto& r : ignore.rules)
      if (!rule_info(r)) problem = "names the unknown rule '" + r + "'";
    if (problem.empty() && ignore.reason.empty()) problem = "gives no reason";
    if (!problem.empty()) {
      problems.push_back({"invalid-ignore", Severity::Warning, parsed.file.path, comment.line, 1,
                          "this pgguard-ignore comment " + problem + ", so it suppresses nothing",
                          shorten(comment.text, 120), "-- pgguard-ignore: <rule>[, <rule>...] <why it is safe here>"});
      continue;
    }
    if (!ignore.whole_file) {
      for (size_t i = 0; i < parsed.statements.size(); ++i)
        if (!parsed.statements[i].embedded && parsed.statements[i].offset > comment.end) {
          ignore.applies_to = i;
          break;
        }
    }
    ignores_.push_back(ignore);
  }
  for (auto& problem : problems) add(std::move(problem), std::string::npos);  // every ignore of the file applies to them too
}

bool FileFindings::suppressed(const std::string& rule, size_t statement) {
  bool suppressed = false;
  for (auto& ignore : ignores_) {
    if (std::find(ignore.rules.begin(), ignore.rules.end(), rule) == ignore.rules.end()) continue;
    if (ignore.whole_file || (ignore.applies_to != std::string::npos && ignore.applies_to == statement)) {
      ignore.used = true;  // every ignore that matches counts as used, not just the first
      suppressed = true;
    }
  }
  return suppressed;
}

void FileFindings::add(LintFinding finding, size_t statement) {
  if (suppressed(finding.rule, statement)) return;
  if (!unstated_convention(finding.rule, options_)) {
    findings_.push_back(std::move(finding));
    return;
  }
  if (said_.count(finding.rule)) return;
  auto [kept, first] = convention_kept_.try_emplace(finding.rule, findings_.size());
  if (!first) {
    // The report keeps the first by line; on the same line, the one found first.
    LintFinding& earlier = findings_[kept->second];
    if (finding.line >= earlier.line) return;
    earlier = LintFinding{};  // an empty rule: left out by take()
    kept->second = findings_.size();
  }
  findings_.push_back(std::move(finding));
}

bool FileFindings::wanted(const std::string& rule) const {
  if (!said_.count(rule) || !unstated_convention(rule, options_)) return true;
  return std::any_of(ignores_.begin(), ignores_.end(),
                     [&](const Ignore& ignore) { return std::find(ignore.rules.begin(), ignore.rules.end(), rule) != ignore.rules.end(); });
}

std::vector<LintFinding> FileFindings::take() {
  findings_.erase(std::remove_if(findings_.begin(), findings_.end(), [](const LintFinding& f) { return f.rule.empty(); }), findings_.end());
  for (const auto& ignore : ignores_)
    if (!ignore.used && rule_enabled("unused-ignore", options_))
      findings_.push_back({"unused-ignore", Severity::Warning, path_, ignore.line, 1,
                           "this pgguard-ignore of " + join(ignore.rules, ", ") + " suppresses nothing; remove it", "", "delete the comment"});
  std::stable_sort(findings_.begin(), findings_.end(), [](const LintFinding& a, const LintFinding& b) { return a.line < b.line; });
  return std::move(findings_);
}

}  // namespace pgguard::lint
