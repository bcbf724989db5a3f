#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

class EnumValueOrdering : public LintRule {
 public:
  std::string_view id() const override { return "enum-value-ordering"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    Node n = c.node();
    if (c.type() != "AlterEnumStmt" || n.has("oldVal") || !n.has("newVal") || n.has("newValNeighbor")) return;
    std::vector<Node> parts = n["typeName"].list();
    std::string type = n["typeName"].names();
    std::string value = n.str("newVal");
    const std::vector<std::string>* values = parts.empty() ? nullptr : c.schema.enum_values(parts.back().sval());
    std::string last = values && !values->empty() ? values->back() : "";
    // Enums compare by declaration order, not alphabetically.
    out.push_back({"ADD VALUE '" + value + "' without BEFORE/AFTER appends it after " +
                       (last.empty() ? std::string("the last value") : "'" + last + "'") + " of " + type +
                       ", so it sorts last in < comparisons and ORDER BY.",
                   "ALTER TYPE " + type + " ADD VALUE " + (n.flag("skipIfNewValExists") ? "IF NOT EXISTS " : "") + "'" + value +
                       "' " + (last.empty() ? "BEFORE '<the value it should precede>'" : "AFTER '" + last + "'") +
                       ";  -- position it where it belongs in the order",
                   0, ""});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_enum_value_ordering() { return std::make_unique<EnumValueOrdering>(); }

}  // namespace pgguard::lint
