#include "lint/rule.h"

namespace pgguard::lint {
namespace {

class AddExclusionConstraint : public LintRule {
 public:
  std::string_view id() const override { return "add-exclusion-constraint"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      Node con = cmd["def"]["Constraint"];
      if (cmd.str("subtype") != "AT_AddConstraint" || con.str("contype") != "CONSTR_EXCLUSION") continue;
      std::string name = con.str("conname");
      // There is no CONCURRENTLY or NOT VALID form for EXCLUDE, so the only choices are a window or a new table.
      out.push_back({"ADD " + (name.empty() ? std::string() : "CONSTRAINT " + name + " ") + "EXCLUDE builds its index while holding " +
                         a_lock(lock_fact("add-exclusion", c.settings.pg_version), table) + "; there is no NOT VALID or CONCURRENTLY form.",
                     "-- no online form: run it in a maintenance window with a bounded wait, or create a new table with the\n"
                     "-- constraint, copy the rows in batches and swap the names\nSET lock_timeout = '2s';\n" +
                         c.statement.text + ";",
                     0, table});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_add_exclusion_constraint() { return std::make_unique<AddExclusionConstraint>(); }

}  // namespace pgguard::lint
