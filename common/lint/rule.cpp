#include "lint/rule.h"

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "lint/tools.h"
#include "util/embedded.h"

namespace pgguard::lint {

void LintRule::check(const StatementContext&, std::vector<RuleFinding>&) const {}

std::string outside_transaction_fix(const StatementContext& context, const std::string& statement) {
  if (context.state.explicit_transaction) return "-- after COMMIT, outside BEGIN ... COMMIT:\n" + statement;
  if (!context.in_transaction) return statement;
  return no_transaction_fix(context.migration.file.tool, statement);
}

void LintRule::finish(const FileContext&, std::vector<RuleFinding>&) const {}

bool StatementContext::is_new_table(const std::string& name) const {
  if (state.created_tables.count(name)) return true;
  if (statement.runs != Runs::WhenCalled) return false;
  // A body's statements follow its CREATE FUNCTION, which runs none of them.
  for (const Statement* s = &statement; s != migration.statements.data() && (--s)->routine == statement.routine;)
    if (created_table(s->node) == name) return true;
  return false;
}

void check_statement(const LintRule& rule, const RuleInfo* info, const StatementContext& context, std::vector<RuleFinding>& out) {
  if (context.statement.runs == Runs::Migration) return rule.check(context, out);
  if (!info || !info->function_bodies) return;
  size_t first = out.size();
  rule.check(context, out);
  for (size_t i = first; i < out.size(); ++i)
    out[i].message = "When " + context.statement.routine + " runs (not during the migration): " + out[i].message;
}

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "warning";
}

Severity parse_severity(std::string_view name) {
  if (name == "info") return Severity::Info;
  if (name == "warning") return Severity::Warning;
  if (name == "error") return Severity::Error;
  throw std::runtime_error("unknown severity '" + std::string(name) + "' (use error, warning or info)");
}

const std::vector<RuleInfo>& all_rule_info() {
  static const auto infos = [] {
    std::vector<RuleInfo> out;
    auto doc = nlohmann::json::parse(embedded_file("lint_rules.json"));
    for (const auto& [id, r] : doc.at("rules").items())
      out.push_back({id, r.at("default") == "on", parse_severity(r.at("severity").get<std::string>()),
                     r.at("category").get<std::string>(), r.at("summary").get<std::string>(), r.value("convention_stated_by", ""),
                     r.value("function_bodies", false)});
    return out;
  }();
  return infos;
}

const RuleInfo* rule_info(std::string_view id) {
  static const auto by_id = [] {  // asked for every finding and every rule check
    std::map<std::string_view, const RuleInfo*> out;
    for (const auto& info : all_rule_info()) out.emplace(info.id, &info);
    return out;
  }();
  auto found = by_id.find(id);
  return found == by_id.end() ? nullptr : found->second;
}

}  // namespace pgguard::lint
