#include "lint/rule.h"

namespace pgguard::lint {
namespace {

class DropIndexNonConcurrent : public LintRule {
 public:
  std::string_view id() const override { return "drop-index-non-concurrent"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    Node n = c.node();
    if (c.type() != "DropStmt" || n.str("removeType") != "OBJECT_INDEX" || n.flag("concurrent")) return;
    for (const Node& object : n["objects"].list()) {
      std::vector<Node> parts = object.list();
      std::string name = parts.empty() ? object.sval() : parts.back().sval();
      if (name.empty() || c.is_new_index(name)) continue;  // built earlier in this file: nobody uses it yet
      const Index* index = c.schema.index(name);
      std::string table = index ? index->table : "";
      if (!table.empty() && c.is_new_table(table)) continue;
      std::string qualified = parts.empty() ? name : object.names();
      std::string on = table.empty() ? "the table of " + name : table;
      out.push_back({"DROP INDEX " + name + " without CONCURRENTLY takes " + a_lock(lock_fact("drop-index", c.settings.pg_version), on) + ".",
                     outside_transaction_fix(c, "DROP INDEX CONCURRENTLY " + std::string(n.flag("missing_ok") ? "IF EXISTS " : "") +
                                                    qualified + ";") +
                         "\n-- one index per statement, no CASCADE",
                     0, table});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_drop_index_non_concurrent() { return std::make_unique<DropIndexNonConcurrent>(); }

}  // namespace pgguard::lint
