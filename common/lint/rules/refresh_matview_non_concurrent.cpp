#include "lint/rule.h"

namespace pgguard::lint {
namespace {

class RefreshMatviewNonConcurrent : public LintRule {
 public:
  std::string_view id() const override { return "refresh-matview-non-concurrent"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    Node n = c.node();
    // WITH NO DATA only empties the view (and has no CONCURRENTLY form); a view created in this file has no readers yet.
    if (c.type() != "RefreshMatViewStmt" || n.flag("concurrent") || n.flag("skipData")) return;
    std::string view = relation_name(n["relation"]);
    if (c.is_new_table(view)) return;
    std::string v = qualified_name(n["relation"]);
    out.push_back({"REFRESH MATERIALIZED VIEW " + view + " without CONCURRENTLY takes " + a_lock(lock_fact("refresh-matview", c.settings.pg_version), view) + ".",
                   "REFRESH MATERIALIZED VIEW CONCURRENTLY " + v + ";  -- " + lock_fact("refresh-matview-concurrently", c.settings.pg_version).lock +
                       ": reads continue; needs a unique index on " + view +
                       " covering all rows, e.g.\n"
                       "-- CREATE UNIQUE INDEX CONCURRENTLY idx_" +
                       view + "_<key> ON " + v + " (<key columns>);",
                   0, view});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_refresh_matview_non_concurrent() { return std::make_unique<RefreshMatviewNonConcurrent>(); }

}  // namespace pgguard::lint
