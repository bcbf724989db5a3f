#include "lint/rule.h"

namespace pgguard::lint {
namespace {

bool created_in_file(const StatementContext& c, const std::string& schema) {
  for (const Statement& s : c.migration.statements) {
    if (&s == &c.statement) break;
    if (s.type == "CreateSchemaStmt" && s.node.body().str("schemaname") == schema) return true;
  }
  return false;
}

// A schema usually holds many objects; with CASCADE every table in it goes with all its data.
class DropSchema : public LintRule {
 public:
  std::string_view id() const override { return "drop-schema"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "DropStmt" || c.node().str("removeType") != "OBJECT_SCHEMA") return;
    bool cascade = c.node().str("behavior") == "DROP_CASCADE";
    for (const Node& object : c.node()["objects"].list()) {
      std::string schema = object.sval();
      if (schema.empty() || created_in_file(c, schema)) continue;
      out.push_back({"DROP SCHEMA " + schema + (cascade ? " CASCADE deletes every table, view and function in it, with all their data."
                                                        : " deletes the schema; anything still using it breaks."),
                     "-- drop the objects in " + schema + " one by one in reviewed migrations, then, without CASCADE:\n"
                     "DROP SCHEMA " + schema + ";",
                     0, ""});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_drop_schema() { return std::make_unique<DropSchema>(); }

}  // namespace pgguard::lint
