#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

using Keys = std::vector<std::vector<std::string>>;

// Key column lists a statement gives `table`: CREATE INDEX, PRIMARY KEY and UNIQUE constraints.
Keys keys_created(const Node& statement, const std::string& table) {
  Keys keys;
  Node n = statement.body();
  if (relation_name(n["relation"]) != table) return keys;
  auto constraint = [&](const Node& c, const std::string& column) {
    std::string kind = c.str("contype");
    if (kind != "CONSTR_PRIMARY" && kind != "CONSTR_UNIQUE") return;
    keys.push_back(column.empty() ? column_names(c["keys"]) : std::vector<std::string>{column});
  };
  auto column = [&](const Node& def) {
    for (const Node& item : def["constraints"].list()) constraint(item["Constraint"], def.str("colname"));
  };
  if (statement.type() == "IndexStmt") {
    keys.push_back(column_names(n["indexParams"]));
  } else if (statement.type() == "CreateStmt") {
    for (const Node& element : n["tableElts"].list()) {
      column(element["ColumnDef"]);
      if (element.has("Constraint")) constraint(element["Constraint"], "");
    }
  } else if (statement.type() == "AlterTableStmt") {
    for (const Node& item : n["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      if (cmd.str("subtype") == "AT_AddColumn") column(cmd["def"]["ColumnDef"]);
      if (cmd.str("subtype") == "AT_AddConstraint") constraint(cmd["def"]["Constraint"], "");
    }
  }
  return keys;
}

bool leads(const Keys& keys, const std::vector<std::string>& columns) {
  return std::any_of(keys.begin(), keys.end(), [&](const std::vector<std::string>& indexed) {
    return indexed.size() >= columns.size() && std::equal(columns.begin(), columns.end(), indexed.begin());
  });
}

class FkColumnNotIndexed : public LintRule {
 public:
  std::string_view id() const override { return "fk-column-not-indexed"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    std::vector<convention::ForeignKey> fks = convention::foreign_keys(c);
    if (fks.empty()) return;
    std::string table = relation_name(c.node()["relation"]);
    // Covering keys: this statement's own, and those created later in the file (same direction).
    Keys keys = keys_created(c.statement.node, table);
    for (const Statement* later : convention::later_statements_on(c, table)) {
      Keys more = keys_created(later->node, table);
      keys.insert(keys.end(), more.begin(), more.end());
    }
    for (const auto& fk : fks) {
      std::vector<std::string> columns = fk.columns();
      // Earlier migrations and earlier statements of this file.
      if (columns.empty() || c.schema.has_leading_index(table, columns) || leads(keys, columns)) continue;
      std::string parent = relation_name(fk.constraint["pktable"]);
      std::string index = to_lower("idx_" + table + "_" + join(columns, "_"));
      std::string target = convention::quoted_qualified_name(c.node()["relation"]) + " (" + convention::quote_idents(columns) + ");";
      bool existing = !c.is_new_table(table) && c.schema.table(table);
      out.push_back({"Foreign key " + table + " (" + join(columns, ", ") + ") -> " + parent + " has no index leading with " +
                         join(columns, ", ") + ", so every DELETE or key UPDATE on " + parent + " scans " + table +
                         " for referencing rows.",
                     existing ? "CREATE INDEX CONCURRENTLY " + index + " ON " + target + "  -- in a migration that runs outside a transaction"
                              : "CREATE INDEX " + index + " ON " + target,
                     0, existing ? table : ""});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_fk_column_not_indexed() { return std::make_unique<FkColumnNotIndexed>(); }

}  // namespace pgguard::lint
