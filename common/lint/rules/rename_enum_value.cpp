#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

class RenameEnumValue : public LintRule {
 public:
  std::string_view id() const override { return "rename-enum-value"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterEnumStmt" || !c.node().has("oldVal")) return;
    Node n = c.node();
    std::vector<Node> parts = n["typeName"].list();
    std::string type = n["typeName"].names(), short_name = parts.empty() ? type : parts.back().sval();
    std::string from = n.str("oldVal"), to = n.str("newVal");
    // The columns of that type (from earlier migrations) are the ones to backfill.
    std::string fix = "ALTER TYPE " + type + " ADD VALUE '" + to + "';  -- commit, then backfill in batches:";
    std::string relation;
    for (const auto& [name, table] : c.schema.tables())
      for (const auto& column : table.columns)
        if (column.type == short_name) {
          fix += " UPDATE " + name + " SET " + column.name + " = '" + to + "' WHERE " + column.name + " = '" + from + "';";
          if (relation.empty()) relation = name;
        }
    if (relation.empty()) fix += " UPDATE <table> SET <column> = '" + to + "' WHERE <column> = '" + from + "';";
    fix += " -- and stop writing '" + from + "'";
    out.push_back({"RENAME VALUE '" + from + "' TO '" + to + "' changes every stored " + type +
                       " value at once, so running code that reads or writes '" + from + "' breaks.",
                   fix, 0, relation});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_rename_enum_value() { return std::make_unique<RenameEnumValue>(); }

}  // namespace pgguard::lint
