#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

class TimestampWithoutTimeZone : public LintRule {
 public:
  std::string_view id() const override { return "timestamp-without-time-zone"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    for (const auto& site : convention::column_sites(c)) {
      if (!site.builtin || site.type.type != "timestamp") continue;
      Column fixed = site.type;
      fixed.type = "timestamptz";
      // Converting later is a rewrite unless the server's TimeZone is UTC, so choose now.
      out.push_back({"Column " + site.table + "." + site.column + " is timestamp without time zone, which drops the offset; "
                     "converting it to timestamptz later takes " +
                         a_lock(lock_fact("alter-column-type", c.settings.pg_version), site.table) + " unless TimeZone is UTC.",
                     convention::column_fix(c, site, describe_type(fixed)), 0, convention::existing_relation(c, site.table)});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_timestamp_without_time_zone() { return std::make_unique<TimestampWithoutTimeZone>(); }

}  // namespace pgguard::lint
