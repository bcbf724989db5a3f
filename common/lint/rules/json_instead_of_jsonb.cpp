#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

class JsonInsteadOfJsonb : public LintRule {
 public:
  std::string_view id() const override { return "json-instead-of-jsonb"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    for (const auto& site : convention::column_sites(c)) {
      if (!site.builtin || site.type.type != "json") continue;
      Column fixed = site.type;
      fixed.type = "jsonb";
      // json keeps the raw text: no equality operator and no GIN indexing.
      out.push_back({"Column " + site.table + "." + site.column + " is json, which has no equality operator (DISTINCT, UNION "
                     "and GROUP BY on it fail), cannot be GIN-indexed and is reparsed on every access.",
                     convention::column_fix(c, site, describe_type(fixed)), 0, convention::existing_relation(c, site.table)});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_json_instead_of_jsonb() { return std::make_unique<JsonInsteadOfJsonb>(); }

}  // namespace pgguard::lint
