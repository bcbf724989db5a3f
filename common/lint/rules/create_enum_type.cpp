#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

class CreateEnumType : public LintRule {
 public:
  std::string_view id() const override { return "create-enum-type"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "CreateEnumStmt") return;
    Node n = c.node();
    std::vector<Node> parts = n["typeName"].list();
    std::string type = n["typeName"].names(), short_name = parts.empty() ? type : parts.back().sval();
    std::vector<std::string> rows;
    for (const Node& value : n["vals"].list()) rows.push_back("('" + value.sval() + "')");
    // A lookup table's rows can be added and removed with plain DML.
    out.push_back({"CREATE TYPE " + type + " AS ENUM: values can never be removed or reordered without recreating the "
                   "type and rewriting every column that uses it, and ADD VALUE cannot run in a transaction before PostgreSQL 12.",
                   "CREATE TABLE " + type + " (value text PRIMARY KEY); INSERT INTO " + type + " (value) VALUES " +
                       join(rows, ", ") + ";  -- columns: " + short_name + " text NOT NULL REFERENCES " + type +
                       " (value) ON DELETE RESTRICT",
                   0, ""});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_create_enum_type() { return std::make_unique<CreateEnumType>(); }

}  // namespace pgguard::lint
