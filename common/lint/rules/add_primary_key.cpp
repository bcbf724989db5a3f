#include "lint/rule.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

class AddPrimaryKey : public LintRule {
 public:
  std::string_view id() const override { return "add-primary-key"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      Node con = cmd["def"]["Constraint"];
      // PRIMARY KEY USING INDEX attaches an index built beforehand: only a brief lock.
      if (cmd.str("subtype") != "AT_AddConstraint" || con.str("contype") != "CONSTR_PRIMARY" || con.has("indexname")) continue;
      std::vector<std::string> columns = column_names(con["keys"]);
      std::string name = con.str("conname");
      if (name.empty()) name = table + "_pkey";  // PostgreSQL's default name
      out.push_back({"ADD PRIMARY KEY on " + table + " (" + join(columns, ", ") +
                         ") builds a unique index and checks NOT NULL while holding " + a_lock(lock_fact("add-primary-key", c.settings.pg_version), table) + ".",
                     fix(c, table, columns, name), 0, table});
    }
  }

 private:
  static std::string fix(const StatementContext& c, const std::string& table, const std::vector<std::string>& columns,
                         const std::string& name) {
    std::string t = qualified_name(c.node()["relation"]), out;
    // Columns not known to be NOT NULL would be scanned under the lock by ADD PRIMARY KEY USING INDEX: prove them first.
    for (const auto& column : columns) {
      const Column* known = c.schema.column(table, column);
      if (known && known->not_null) continue;
      std::string check = truncate_identifier(table + "_" + column + "_not_null");
      out += "ALTER TABLE " + t + " ADD CONSTRAINT " + check + " CHECK (" + column + " IS NOT NULL) NOT VALID;\n" + "ALTER TABLE " + t +
             " VALIDATE CONSTRAINT " + check + ";  -- in a later transaction\n" + "ALTER TABLE " + t + " ALTER COLUMN " + column +
             " SET NOT NULL;  -- PostgreSQL 12+: no scan\n";
    }
    return out + outside_transaction_fix(c, "CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + t + " (" + join(columns, ", ") + ");") +
           "\n-- then:\nALTER TABLE " + t + " ADD CONSTRAINT " + name + " PRIMARY KEY USING INDEX " + name + ";";
  }
};

}  // namespace

std::unique_ptr<LintRule> make_add_primary_key() { return std::make_unique<AddPrimaryKey>(); }

}  // namespace pgguard::lint
