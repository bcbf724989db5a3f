#include "lint/rule.h"

namespace pgguard::lint {
namespace {

// "an ACCESS EXCLUSIVE lock on t, ..." with the article the lock name needs.
std::string a_lock(const LockFact& fact, const std::string& relation) {
  return (fact.lock.empty() || std::string("AEIOU").find(fact.lock[0]) == std::string::npos ? "a " : "an ") + describe(fact, relation);
}

std::string qualified(const Node& range_var) {
  std::string schema = range_var.str("schemaname");
  return (schema.empty() ? "" : schema + ".") + range_var.str("relname");
}

// Whether CREATE MATERIALIZED VIEW (or CREATE TABLE AS) made `name` earlier in this file. FileState misses these:
// the linter reads into.IntoClause.rel, but libpg_query puts the RangeVar at into.rel.
bool created_earlier(const StatementContext& c, const std::string& name) {
  for (const auto& s : c.migration.statements) {
    if (&s == &c.statement) break;
    if (s.type != "CreateTableAsStmt") continue;
    Node into = s.node.body()["into"];
    if (relation_name(into.has("IntoClause") ? into["IntoClause"]["rel"] : into["rel"]) == name) return true;
  }
  return false;
}

class RefreshMatviewNonConcurrent : public LintRule {
 public:
  std::string_view id() const override { return "refresh-matview-non-concurrent"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    Node n = c.node();
    // WITH NO DATA only empties the view (and has no CONCURRENTLY form); a view created in this file has no readers yet.
    if (c.type() != "RefreshMatViewStmt" || n.flag("concurrent") || n.flag("skipData")) return;
    std::string view = relation_name(n["relation"]);
    if (c.is_new_table(view) || created_earlier(c, view)) return;
    std::string v = qualified(n["relation"]);
    out.push_back({"REFRESH MATERIALIZED VIEW " + view + " without CONCURRENTLY takes " + a_lock(lock_fact("refresh-matview"), view) + ".",
                   "REFRESH MATERIALIZED VIEW CONCURRENTLY " + v + ";  -- " + lock_fact("refresh-matview-concurrently").lock +
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
