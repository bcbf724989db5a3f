#include <map>

#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

class IntOverBigint : public LintRule {
 public:
  std::string_view id() const override { return "int-over-bigint"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    static const std::map<std::string, std::string> kWider = {{"int4", "bigint"},    {"int2", "bigint"},
                                                             {"serial", "bigserial"}, {"serial4", "bigserial"},
                                                             {"smallserial", "bigserial"}, {"serial2", "bigserial"}};
    for (const auto& site : convention::column_sites(c)) {
      auto wider = kWider.find(site.type.type);
      if (!site.builtin || wider == kWider.end()) continue;
      Column fixed = site.type;
      fixed.type = wider->second;
      // Counters and ids outgrow 32 bits, and widening later rewrites the table.
      out.push_back({"Column " + site.table + "." + site.column + " is " + describe_type(site.type) +
                         "; widening it to bigint later takes " + a_lock(lock_fact("alter-column-type", c.settings.pg_version), site.table) + ".",
                     convention::column_fix(c, site, describe_type(fixed)), 0, convention::existing_relation(c, site.table)});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_int_over_bigint() { return std::make_unique<IntOverBigint>(); }

}  // namespace pgguard::lint
