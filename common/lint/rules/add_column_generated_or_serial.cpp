#include <map>

#include "lint/rule.h"

namespace pgguard::lint {
namespace {

class AddColumnGeneratedOrSerial : public LintRule {
 public:
  std::string_view id() const override { return "add-column-generated-or-serial"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    static const std::map<std::string, std::string> kSerialBase = {{"smallserial", "smallint"}, {"serial2", "smallint"},
                                                                   {"serial", "integer"},       {"serial4", "integer"},
                                                                   {"bigserial", "bigint"},     {"serial8", "bigint"}};
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;
    std::string t = qualified_name(c.node()["relation"]);
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      if (cmd.str("subtype") != "AT_AddColumn") continue;
      Node def = cmd["def"]["ColumnDef"];
      std::string column = def.str("colname");
      Column type = column_type(def["typeName"]);
      std::string kind, base = describe_type(type), expression;
      if (auto serial = kSerialBase.find(type.type); serial != kSerialBase.end()) {
        kind = type.type;
        base = serial->second;
      }
      for (const Node& item_constraint : def["constraints"].list()) {
        Node con = item_constraint["Constraint"];
        if (con.str("contype") == "CONSTR_IDENTITY") kind = "an identity column";
        if (con.str("contype") == "CONSTR_GENERATED") {
          kind = "a stored generated column";
          expression = parenthesized_after(c.statement, con.integer("location", -1), {"generated"});
        }
      }
      if (kind.empty()) continue;
      std::string what = kind.find(' ') == std::string::npos ? column + " " + kind : column + " as " + kind;
      out.push_back({"ADD COLUMN " + what + " computes a value for every existing row and takes " +
                         a_lock(lock_fact("add-column-generated", c.settings.pg_version), table) + ".",
                     expression.empty() && kind.find("generated") != std::string::npos
                         ? "-- add it as a plain nullable column, fill new rows with a trigger and old rows in batches"
                         : fix(t, table, column, base, expression),
                     0, table});
    }
  }

 private:
  static std::string fix(const std::string& t, const std::string& table, const std::string& column, const std::string& type,
                         const std::string& expression) {
    std::string out = "ALTER TABLE " + t + " ADD COLUMN " + column + " " + type + ";\n";
    std::string value = expression;
    if (expression.empty()) {  // serial or identity: a sequence default fills new rows, a batched backfill the old ones
      std::string sequence = table + "_" + column + "_seq";
      value = "nextval('" + sequence + "')";
      out = "CREATE SEQUENCE " + sequence + " AS " + type + ";\n" + out + "ALTER TABLE " + t + " ALTER COLUMN " + column + " SET DEFAULT " +
            value + ";\nALTER SEQUENCE " + sequence + " OWNED BY " + t + "." + column + ";\n";
    } else {
      out += "-- a BEFORE INSERT OR UPDATE trigger setting NEW." + column + " := " + expression + " for new rows, then:\n";
    }
    return out + "-- backfill in batches, each its own transaction; repeat until it updates 0 rows:\nUPDATE " + t + " SET " + column +
           " = " + value + " WHERE ctid IN (SELECT ctid FROM " + t + " WHERE " + column + " IS NULL LIMIT 10000);";
  }
};

}  // namespace

std::unique_ptr<LintRule> make_add_column_generated_or_serial() { return std::make_unique<AddColumnGeneratedOrSerial>(); }

}  // namespace pgguard::lint
