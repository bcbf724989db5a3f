#include "lint/rule.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "lint/tools.h"
#include "util/embedded.h"
#include "util/json_fields.h"

namespace pgguard::lint {

void LintRule::check(const StatementContext&, std::vector<RuleFinding>&) const {}

std::string outside_transaction_fix(const StatementContext& context, const std::string& statement) {
  if (context.state.explicit_transaction) return "-- after COMMIT, outside BEGIN ... COMMIT:\n" + statement;
  if (!context.in_transaction) return statement;
  return no_transaction_fix(context.migration.file.tool, statement);
}

void LintRule::finish(const FileContext&, std::vector<RuleFinding>&) const {}

const std::vector<FormOnRelation>& StatementContext::forms() const {
  if (!derived_forms) derived_forms = statement_forms(statement.node, schema, settings.pg_version);
  return *derived_forms;
}

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
    using namespace json_fields;
    constexpr char kCatalog[] = "lint_rules.json";
    std::vector<RuleInfo> out;
    rapidjson::Document doc;
    parse_catalog(doc, embedded_file(kCatalog), kCatalog);
    const rapidjson::Value* rules = member(doc, "rules");
    if (!rules || !rules->IsObject()) throw std::runtime_error("lint_rules.json: no rules");
    for (const auto& [id, r] : rules->GetObject())
      out.push_back({std::string(id.GetString(), id.GetStringLength()), required_text(r, "default", kCatalog) == "on",
                     parse_severity(required_text(r, "severity", kCatalog)), required_text(r, "category", kCatalog),
                     required_text(r, "summary", kCatalog), text(r, "convention_stated_by"), flag(r, "function_bodies")});
    // In the order of their ids, whatever the file's order: listings and docs read this order.
    std::sort(out.begin(), out.end(), [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
    return out;
  }();
  return infos;
}

const RuleInfo* rule_info(std::string_view id) {
  // Asked for every finding and, per file, for every rule: hashed, as an ordered map's string
  // comparisons were 8% of linting a real 773-migration history.
  static const auto by_id = [] {
    std::unordered_map<std::string_view, const RuleInfo*> out;
    for (const auto& info : all_rule_info()) out.emplace(info.id, &info);
    return out;
  }();
  auto found = by_id.find(id);
  return found == by_id.end() ? nullptr : found->second;
}

}  // namespace pgguard::lint
