#include <map>

#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

struct Unnamed {
  Node constraint;
  std::string column;  // column-level constraint
};

class UnnamedConstraint : public LintRule {
 public:
  std::string_view id() const override { return "unnamed-constraint"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    std::vector<Unnamed> unnamed;
    auto consider = [&](const Node& constraint, const std::string& column) {
      static const std::map<std::string, std::string> kKinds = {
          {"CONSTR_CHECK", "chk"}, {"CONSTR_UNIQUE", "uq"}, {"CONSTR_FOREIGN", "fk"}, {"CONSTR_EXCLUSION", "excl"}};
      // UNIQUE USING INDEX takes the index's name.
      if (!kKinds.count(constraint.str("contype")) || constraint.has("conname") || constraint.has("indexname")) return;
      unnamed.push_back({constraint, column});
    };
    auto column_def = [&](const Node& def) {
      for (const Node& item : def["constraints"].list()) consider(item["Constraint"], def.str("colname"));
    };
    Node n = c.node();
    if (c.type() == "CreateStmt") {
      for (const Node& element : n["tableElts"].list()) {
        column_def(element["ColumnDef"]);
        if (element.has("Constraint")) consider(element["Constraint"], "");
      }
    } else if (c.type() == "AlterTableStmt") {
      for (const Node& item : n["cmds"].list()) {
        Node cmd = item["AlterTableCmd"];
        if (cmd.str("subtype") == "AT_AddColumn") column_def(cmd["def"]["ColumnDef"]);
        if (cmd.str("subtype") == "AT_AddConstraint") consider(cmd["def"]["Constraint"], "");
      }
    }
    if (unnamed.empty()) return;
    std::string table = relation_name(n["relation"]);
    std::vector<std::string> described, fixes;
    for (const auto& u : unnamed) {
      std::string kind = u.constraint.str("contype");
      std::vector<std::string> columns = !u.column.empty()           ? std::vector<std::string>{u.column}
                                         : kind == "CONSTR_CHECK"     ? referenced_columns(u.constraint["raw_expr"])
                                         : kind == "CONSTR_FOREIGN"   ? column_names(u.constraint["fk_attrs"])
                                         : kind == "CONSTR_EXCLUSION" ? exclusion_columns(u.constraint)
                                                                      : column_names(u.constraint["keys"]);
      std::string prefix = kind == "CONSTR_CHECK" ? "chk" : kind == "CONSTR_UNIQUE" ? "uq" : kind == "CONSTR_FOREIGN" ? "fk" : "excl";
      std::string label = kind == "CONSTR_CHECK" ? "CHECK" : kind == "CONSTR_UNIQUE" ? "UNIQUE" : kind == "CONSTR_FOREIGN" ? "FOREIGN KEY" : "EXCLUDE";
      described.push_back(label + (columns.empty() ? "" : " on " + join(columns, ", ")));
      std::string name = to_lower(prefix + "_" + table + (columns.empty() ? "" : "_" + join(columns, "_")));
      fixes.push_back("CONSTRAINT " + name + " " + constraint_text(c, u));
    }
    // PostgreSQL derives names from table and columns and adds digits on collisions, so they
    // differ between databases with different histories.
    out.push_back({std::to_string(unnamed.size()) + " constraint" + (unnamed.size() > 1 ? "s" : "") + " on " + table +
                       " without CONSTRAINT name (" + join(described, "; ") +
                       "): generated names can differ between environments, so a later DROP CONSTRAINT by name breaks.",
                   fix(c, unnamed, fixes), 
                   0, convention::existing_relation(c, table)});
  }

 private:
  // ALTER TABLE t ADD CONSTRAINT ...; when every one is a table constraint, else the named clauses.
  static std::string fix(const StatementContext& c, const std::vector<Unnamed>& unnamed, const std::vector<std::string>& fixes) {
    std::string table = convention::quoted_qualified_name(c.node()["relation"]);
    bool table_level = std::all_of(unnamed.begin(), unnamed.end(), [](const Unnamed& u) { return u.column.empty(); });
    if (c.type() == "AlterTableStmt" && table_level) return "ALTER TABLE " + table + " ADD " + join(fixes, ", ADD ") + ";";
    return join(fixes, ", ") + (c.type() == "AlterTableStmt" ? "  -- in ALTER TABLE " : "  -- in CREATE TABLE ") + table;
  }

  static std::vector<std::string> exclusion_columns(const Node& constraint) {
    std::vector<std::string> columns;
    for (const Node& pair : constraint["exclusions"].list()) {
      std::vector<Node> parts = pair.list();
      if (!parts.empty() && parts[0]["IndexElem"].has("name")) columns.push_back(parts[0]["IndexElem"].str("name"));
    }
    return columns;
  }

  // The constraint as written (CHECK (...), REFERENCES ..., UNIQUE (...)), up to the next clause.
  static std::string constraint_text(const StatementContext& c, const Unnamed& u) {
    const std::string& text = c.statement.text;
    auto start = c.statement.text_index(u.constraint.integer("location", -1));
    std::string fallback = "...";
    if (!start) return fallback;
    std::vector<convention::Token> tokens = convention::scan_tokens(text);
    auto [from, to] = convention::element_span(text, tokens, *start);
    // A column-level constraint ends where the column's next clause starts.
    static const int kClause[] = {PG_QUERY__TOKEN__CONSTRAINT, PG_QUERY__TOKEN__NOT,        PG_QUERY__TOKEN__NULL_P,
                                  PG_QUERY__TOKEN__DEFAULT,    PG_QUERY__TOKEN__PRIMARY,    PG_QUERY__TOKEN__UNIQUE,
                                  PG_QUERY__TOKEN__CHECK,      PG_QUERY__TOKEN__REFERENCES, PG_QUERY__TOKEN__COLLATE,
                                  PG_QUERY__TOKEN__GENERATED};
    if (!u.column.empty()) {
      int depth = 0;
      for (size_t i = 0; i < tokens.size(); ++i) {
        const auto& t = tokens[i];
        if (t.start <= from || t.start >= to) continue;
        if (t.kind == '(') ++depth;
        if (t.kind == ')') --depth;
        bool clause = std::find(std::begin(kClause), std::end(kClause), t.kind) != std::end(kClause);
        // NOT DEFERRABLE / NOT VALID belong to the constraint; NOT NULL starts the next clause.
        if (t.kind == PG_QUERY__TOKEN__NOT) clause = i + 1 < tokens.size() && tokens[i + 1].kind == PG_QUERY__TOKEN__NULL_P;
        if (depth == 0 && clause) {
          to = t.start;
          break;
        }
      }
    }
    std::string written = trim(text.substr(from, to - from));
    return written.empty() ? fallback : written;
  }
};

}  // namespace

std::unique_ptr<LintRule> make_unnamed_constraint() { return std::make_unique<UnnamedConstraint>(); }

}  // namespace pgguard::lint
