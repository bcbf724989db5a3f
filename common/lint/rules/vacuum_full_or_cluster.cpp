#include "lint/rule.h"

namespace pgguard::lint {
namespace {

class VacuumFullOrCluster : public LintRule {
 public:
  std::string_view id() const override { return "vacuum-full-or-cluster"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    Node n = c.node();
    std::vector<std::string> tables;
    std::string form, what;
    if (c.type() == "VacuumStmt" && n.flag("is_vacuumcmd")) {
      bool full = false;
      for (const Node& option : n["options"].list()) full = full || option["DefElem"].str("defname") == "full";
      if (!full) return;  // plain VACUUM / ANALYZE do not block reads or writes
      form = "vacuum-full";
      what = "VACUUM FULL";
      for (const Node& r : n["rels"].list()) tables.push_back(relation_name(r["VacuumRelation"]["relation"]));
    } else if (c.type() == "ClusterStmt") {
      form = "cluster";
      what = "CLUSTER";
      if (n.has("relation")) tables.push_back(relation_name(n["relation"]));
    } else {
      return;
    }
    // VACUUM also refuses to run inside a transaction block, which the tool may have opened.
    std::string transaction =
        form == "vacuum-full" && c.in_transaction ? " It also cannot run inside a transaction block, which this migration is in." : "";
    if (tables.empty()) {
      out.push_back(
          {what + " without a table rewrites every table it covers, each under " + a_lock(lock_fact(form, c.settings.pg_version), "it") + "." + transaction,
           fix(c, ""), 0, ""});
      return;
    }
    for (const auto& table : tables) {
      if (c.is_new_table(table)) continue;
      out.push_back({what + " " + table + " takes " + a_lock(lock_fact(form, c.settings.pg_version), table) + "." + transaction, fix(c, table), 0, table});
    }
  }

 private:
  static std::string fix(const StatementContext& c, const std::string& table) {
    if (c.settings.pg_version >= 19) return "REPACK (CONCURRENTLY) " + (table.empty() ? "<table>" : table) + ";  -- outside the migration";
    return "-- rebuild online outside the migration with pg_repack (reads and writes continue until a brief lock for the final swap):\n"
           "-- pg_repack --table=" +
           (table.empty() ? "<table>" : table) + " <database>";
  }
};

}  // namespace

std::unique_ptr<LintRule> make_vacuum_full_or_cluster() { return std::make_unique<VacuumFullOrCluster>(); }

}  // namespace pgguard::lint
