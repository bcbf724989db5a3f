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

// Every key prefix the file creates, per direction and table, with the last statement creating it:
// whether this or a later statement covers a foreign key is one lookup, so the rule stays linear.
class CreatedKeys {
 public:
  explicit CreatedKeys(const ParsedMigration& m) {
    for (const auto& [table, indexes] : m.statements_on)
      for (size_t index : indexes) {
        const Statement& s = m.statements[index];
        for (const auto& key : keys_created(s.node, table))
          for (size_t length = 1; length <= key.size(); ++length) {
            size_t& last = last_creator_[name(m.file.sections[s.section].direction, table, {key.begin(), key.begin() + static_cast<long>(length)})];
            last = std::max(last, index);
          }
      }
  }

  static const CreatedKeys& of(const ParsedMigration& m) {
    std::shared_ptr<void>& slot = m.rule_cache["fk-column-not-indexed"];
    if (!slot) slot = std::make_shared<CreatedKeys>(m);
    return *static_cast<const CreatedKeys*>(slot.get());
  }

  // Whether statement `index` or a later one in the same direction creates a key leading with `columns`.
  bool from(size_t index, Direction direction, const std::string& table, const std::vector<std::string>& columns) const {
    auto found = last_creator_.find(name(direction, table, columns));
    return found != last_creator_.end() && found->second >= index;
  }

 private:
  std::map<std::string, size_t> last_creator_;

  static std::string name(Direction direction, const std::string& table, const std::vector<std::string>& columns) {
    std::string out = (direction == Direction::Down ? "down\x1f" : "up\x1f") + table;
    for (const auto& column : columns) out += "\x1f" + column;
    return out;
  }
};

class FkColumnNotIndexed : public LintRule {
 public:
  std::string_view id() const override { return "fk-column-not-indexed"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    std::vector<convention::ForeignKey> fks = convention::foreign_keys(c);
    if (fks.empty()) return;
    std::string table = relation_name(c.node()["relation"]);
    auto index = static_cast<size_t>(&c.statement - c.migration.statements.data());
    const CreatedKeys& created = CreatedKeys::of(c.migration);
    for (const auto& fk : fks) {
      std::vector<std::string> columns = fk.columns();
      // Covered by earlier migrations and statements (the schema), or by this or a later statement.
      if (columns.empty() || c.schema.has_leading_index(table, columns) || created.from(index, c.section.direction, table, columns)) continue;
      std::string parent = relation_name(fk.constraint["pktable"]);
      std::string index = to_lower("idx_" + table + "_" + join(columns, "_"));
      std::string target = convention::quoted_qualified_name(c.node()["relation"]) + " (" + convention::quote_idents(columns) + ");";
      bool existing = !c.is_new_table(table) && c.schema.table(table);
      out.push_back({"Foreign key " + table + " (" + join(columns, ", ") + ") -> " + parent + " has no index leading with " +
                         join(columns, ", ") + ", so every DELETE or key UPDATE on " + parent + " scans " + table +
                         " for referencing rows.",
                     existing ? outside_transaction_fix(c, "CREATE INDEX CONCURRENTLY " + index + " ON " + target)
                              : "CREATE INDEX " + index + " ON " + target,
                     0, existing ? table : ""});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_fk_column_not_indexed() { return std::make_unique<FkColumnNotIndexed>(); }

}  // namespace pgguard::lint
