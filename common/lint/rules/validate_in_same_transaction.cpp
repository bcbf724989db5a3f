#include "lint/rule.h"

namespace pgguard::lint {
namespace {

class ValidateInSameTransaction : public LintRule {
 public:
  std::string_view id() const override { return "validate-in-same-transaction"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt" || !c.in_transaction) return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      if (cmd.str("subtype") != "AT_ValidateConstraint") continue;
      std::string name = cmd.str("name");
      const Constraint* known = nullptr;
      if (const Table* t = c.schema.table(table))
        for (const auto& constraint : t->constraints)
          if (constraint.name == name) known = &constraint;
      // An unnamed ADD ... NOT VALID is recorded under "": match it through the still unvalidated constraint.
      auto added = c.state.not_valid_added.find(name);
      if (added == c.state.not_valid_added.end() && known && !known->validated) added = c.state.not_valid_added.find("");
      if (name.empty() || added == c.state.not_valid_added.end() || added->second != c.state.transaction) continue;
      // The ADD ... NOT VALID took its lock in this transaction; it is only released at commit.
      std::string add_form = known && known->kind == 'f' ? "add-foreign-key-not-valid" : "add-check-not-valid";
      out.push_back({"VALIDATE CONSTRAINT " + name + " runs in the transaction that added it NOT VALID, so the " +
                         lock_fact(add_form, c.settings.pg_version).lock + " lock from the ADD is still held on " + table +
                         " while VALIDATE scans it: NOT VALID gains nothing.",
                     fix(c, qualified_name(c.node()["relation"]), name), 0, table});
    }
  }

 private:
  static std::string fix(const StatementContext& c, const std::string& t, const std::string& name) {
    std::string validate = "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + name + ";";
    if (c.state.explicit_transaction) return "COMMIT;  -- end the transaction that added it\n" + validate;
    return "-- move it to the next migration (its own transaction):\n" + validate;
  }
};

}  // namespace

std::unique_ptr<LintRule> make_validate_in_same_transaction() { return std::make_unique<ValidateInSameTransaction>(); }

}  // namespace pgguard::lint
