#include "policy/rules/rules.h"

namespace pgguard::rules {
namespace {

constexpr char kId[] = "sql-heavy-maintenance";
constexpr char kSummary[] = "VACUUM FULL, CLUSTER, REINDEX, REFRESH MATERIALIZED VIEW and LOCK TABLE, in SQL or through vacuumdb/reindexdb/clusterdb";
constexpr char kSafe[] =
    "prefer the online forms (REINDEX CONCURRENTLY, REFRESH MATERIALIZED VIEW CONCURRENTLY, pg_repack instead of VACUUM "
    "FULL or CLUSTER) and run them in a window the human approves.";

// The same facts arrive as SQL statements or as maintenance CLIs.
class HeavyMaintenance : public GuardRule {
 public:
  std::string_view id() const override { return kId; }
  std::string_view summary() const override { return kSummary; }
  void check(const GuardFacts& facts, std::vector<Finding>& out) const override {
    sql_.check(facts, out);
    cli_.check(facts, out);
  }

 private:
  SqlFactRule sql_{{kId, kSummary, sql::FactKind::Maintenance, true,
                    "it takes strong locks or rewrites the table, blocking the application while it runs.", kSafe}};
  CliClassRule cli_{{kId, kSummary, sinks::CliClass::Maintenance, true, ""}};
};

}  // namespace

std::unique_ptr<GuardRule> sql_heavy_maintenance() { return std::make_unique<HeavyMaintenance>(); }

}  // namespace pgguard::rules
