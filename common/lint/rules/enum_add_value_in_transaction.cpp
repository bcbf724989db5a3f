#include "lint/rule.h"

namespace pgguard::lint {
namespace {

std::string quote_literal(const std::string& value) {
  std::string out = "'";
  for (char ch : value) out += ch == '\'' ? std::string("''") : std::string(1, ch);
  return out + "'";
}

// Before PostgreSQL 12, ALTER TYPE ... ADD VALUE fails with "cannot run inside a transaction
// block" unless the enum type was created in that same transaction.
class EnumAddValueInTransaction : public LintRule {
 public:
  std::string_view id() const override { return "enum-add-value-in-transaction"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    Node n = c.node();
    if (c.type() != "AlterEnumStmt" || n.has("oldVal") || !n.has("newVal")) return;  // RENAME VALUE is fine
    if (c.settings.pg_version >= 12 || !c.in_transaction) return;
    std::vector<Node> names = n["typeName"].list();
    std::string type = names.empty() ? "" : names.back().sval();
    if (c.state.created_types.count(type)) return;  // created earlier in the same migration
    std::string add = "ALTER TYPE " + type + " ADD VALUE IF NOT EXISTS " + quote_literal(n.str("newVal"));
    if (n.has("newValNeighbor")) add += std::string(n.flag("newValIsAfter") ? " AFTER " : " BEFORE ") + quote_literal(n.str("newValNeighbor"));
    std::string fix = outside_transaction_fix(c, add + ";");
    out.push_back({"ALTER TYPE " + type + " ADD VALUE runs inside a transaction here, which PostgreSQL " +
                       std::to_string(c.settings.pg_version) + " rejects (\"cannot run inside a transaction block\"; allowed from 12).",
                   fix, 0, ""});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_enum_add_value_in_transaction() { return std::make_unique<EnumAddValueInTransaction>(); }

}  // namespace pgguard::lint
