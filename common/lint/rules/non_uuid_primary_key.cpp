#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

class NonUuidPrimaryKey : public LintRule {
 public:
  std::string_view id() const override { return "non-uuid-primary-key"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "CreateStmt") return;
    Node n = c.node();
    std::vector<std::string> keys;
    bool inline_key = false;
    for (const Node& element : n["tableElts"].list()) {
      if (Node def = element["ColumnDef"]) {
        for (const Node& item : def["constraints"].list())
          if (item["Constraint"].str("contype") == "CONSTR_PRIMARY") {
            keys.push_back(def.str("colname"));
            inline_key = true;
          }
      } else if (element["Constraint"].str("contype") == "CONSTR_PRIMARY") {
        for (const auto& key : column_names(element["Constraint"]["keys"])) keys.push_back(key);
      }
    }
    std::vector<std::string> offenders, definitions;
    // uuidv7() is time-ordered (index-friendly) but only built in from PostgreSQL 18.
    std::string generator = c.settings.pg_version >= 18 ? "uuidv7()" : "gen_random_uuid()";
    for (const auto& key : keys) {
      for (const Node& element : n["tableElts"].list()) {
        Node def = element["ColumnDef"];
        if (!def || def.str("colname") != key) continue;
        Column type = column_type(def["typeName"]);
        if (type.type == "uuid" && !type.is_array) continue;
        offenders.push_back(key + " (" + describe_type(type) + ")");
        definitions.push_back(key + " uuid " + (inline_key ? "PRIMARY KEY " : "NOT NULL ") + "DEFAULT " + generator);
      }
    }
    if (offenders.empty()) return;
    std::string table = relation_name(n["relation"]);
    out.push_back({"Primary key of " + table + " is " + join(offenders, ", ") +
                       ", not uuid: integer keys can run out (widening them later rewrites the table), serial owns a "
                       "sequence, and sequential ids leak row counts.",
                   join(definitions, ", ") + "  -- in CREATE TABLE " + convention::quoted_qualified_name(n["relation"]), 0, ""});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_non_uuid_primary_key() { return std::make_unique<NonUuidPrimaryKey>(); }

}  // namespace pgguard::lint
