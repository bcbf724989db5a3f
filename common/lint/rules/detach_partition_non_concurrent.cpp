#include "lint/rule.h"

namespace pgguard::lint {
namespace {

class DetachPartitionNonConcurrent : public LintRule {
 public:
  std::string_view id() const override { return "detach-partition-non-concurrent"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string parent = relation_name(c.node()["relation"]);
    if (c.is_new_table(parent)) return;
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      Node partition_cmd = cmd["def"]["PartitionCmd"];
      if (cmd.str("subtype") != "AT_DetachPartition" || partition_cmd.flag("concurrent")) continue;
      std::string partition = relation_name(partition_cmd["name"]);
      std::string fix = c.settings.pg_version >= 14
                            ? outside_transaction_fix(c, "ALTER TABLE " + qualified_name(c.node()["relation"]) + " DETACH PARTITION " +
                                                             qualified_name(partition_cmd["name"]) + " CONCURRENTLY;") +
                                  "\n-- not possible while " + parent + " has a DEFAULT partition"
                            : "-- DETACH PARTITION ... CONCURRENTLY needs PostgreSQL 14+; until then detach in a maintenance window "
                              "after SET lock_timeout = '2s'";
      out.push_back({"DETACH PARTITION " + partition + " without CONCURRENTLY takes " +
                         a_lock(lock_fact("detach-partition", c.settings.pg_version), parent + " and " + partition) + ".",
                     fix, 0, parent});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_detach_partition_non_concurrent() { return std::make_unique<DetachPartitionNonConcurrent>(); }

}  // namespace pgguard::lint
