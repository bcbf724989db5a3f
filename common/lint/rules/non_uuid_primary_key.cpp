#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

bool integer_type(const Column& type) {
  static const char* const kTypes[] = {"int2", "int4", "int8", "smallserial", "serial", "bigserial", "serial2", "serial4", "serial8"};
  return !type.is_array && std::find(std::begin(kTypes), std::end(kTypes), type.type) != std::end(kTypes);
}

// Whether the key is a generated surrogate: serial, identity, a sequence default, or a plain "id".
// Integer lookup keys with fixed values (status_code smallint) are natural keys and stay.
bool surrogate(const Node& def, const Column& type) {
  if (type.type.find("serial") != std::string::npos) return true;
  for (const Node& item : def["constraints"].list()) {
    Node constraint = item["Constraint"];
    if (constraint.str("contype") == "CONSTR_IDENTITY") return true;
    if (constraint.str("contype") == "CONSTR_DEFAULT") {
      std::vector<Node> function = constraint["raw_expr"]["FuncCall"]["funcname"].list();
      if (!function.empty() && function.back().sval() == "nextval") return true;
    }
  }
  return def.str("colname") == "id";
}

// Integer surrogate keys are the ones a uuid replaces; text natural keys (code, slug, email) and
// composite keys (join tables) are left alone.
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
    if (keys.size() != 1) return;
    Node def;
    for (const Node& element : n["tableElts"].list())
      if (element["ColumnDef"].str("colname") == keys.front()) def = element["ColumnDef"];
    Column type = column_type(def["typeName"]);
    if (!def || !integer_type(type) || !convention::builtin_type(def["typeName"]) || !surrogate(def, type)) return;
    // uuidv7() is time-ordered (index-friendly) but only built in from PostgreSQL 18.
    std::string generator = c.settings.pg_version >= 18 ? "uuidv7()" : "gen_random_uuid()";
    std::string key = convention::quote_ident(keys.front());
    std::string definition = key + " uuid " + (inline_key ? "PRIMARY KEY " : "NOT NULL ") + "DEFAULT " + generator;
    std::string table = relation_name(n["relation"]);
    bool small = type.type == "int2" || type.type == "smallserial" || type.type == "serial2";
    bool narrow = small || type.type == "int4" || type.type == "serial" || type.type == "serial4";
    bool serial = type.type.find("serial") != std::string::npos;
    out.push_back({"Primary key of " + table + " is " + keys.front() + " (" + describe_type(type) + "), an integer surrogate key: " +
                       (narrow ? std::string("it runs out at 2^") + (small ? "15" : "31") + " (widening it later rewrites the table), " : "") +
                       (serial ? "serial owns a sequence that copies and restores must keep in step, " : "") +
                       "and sequential ids leak row counts and collide when databases are merged; use a uuid key instead: " +
                       definition + ".",
                   definition + "  -- in CREATE TABLE " + convention::quoted_qualified_name(n["relation"]), 0, ""});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_non_uuid_primary_key() { return std::make_unique<NonUuidPrimaryKey>(); }

}  // namespace pgguard::lint
