#include <algorithm>
#include <re2/re2.h>

#include "lint/rule.h"

namespace pgguard::lint {
namespace {

// text with `insertion` placed after the part `pattern` captures first; "" when it does not match.
std::string insert_after(const std::string& text, const RE2& pattern, const std::string& insertion) {
  std::string head, rest;
  if (!RE2::FullMatch(text, pattern, &head, &rest)) return "";
  return head + insertion + rest;
}

struct Missing {
  std::string what;  // "CREATE TABLE orders", "ADD COLUMN note"
  std::string fix;   // the guarded SQL (ending in ';') or a comment line
};

// The guarded statement as SQL, or a hint when the text could not be rewritten.
std::string statement(const std::string& guarded, const std::string& hint) { return guarded.empty() ? "-- " + hint : guarded + ";"; }

std::string behavior(const Node& n) { return n.str("behavior") == "DROP_CASCADE" ? " CASCADE" : ""; }

// Whether an earlier statement dropped constraint `name` of `table` with IF EXISTS, which makes a
// following ADD CONSTRAINT re-runnable.
bool dropped_before(const StatementContext& c, const std::string& table, const std::string& name) {
  for (const Statement& s : c.migration.statements) {
    if (&s == &c.statement) break;
    if (s.type != "AlterTableStmt" || relation_name(s.node.body()["relation"]) != table) continue;
    for (const Node& item : s.node.body()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      if (cmd.str("subtype") == "AT_DropConstraint" && cmd.str("name") == name && cmd.flag("missing_ok")) return true;
    }
  }
  return false;
}

std::vector<Missing> alter_table(const StatementContext& c) {
  static const RE2 add_column(R"((?is)^(ALTER\s+TABLE\s+.*?\bADD\s+)(?:COLUMN\s+)?(.*)$)");
  static const RE2 drop_column(R"((?is)^(ALTER\s+TABLE\s+.*?\bDROP\s+)(?:COLUMN\s+)?(.*)$)");
  static const RE2 drop_constraint(R"((?is)^(ALTER\s+TABLE\s+.*?\bDROP\s+CONSTRAINT\s+)(.*)$)");
  Node n = c.node();
  std::string table = relation_name(n["relation"]);
  std::vector<Node> cmds = n["cmds"].list();
  bool single = cmds.size() == 1;
  const std::string& text = c.statement.text;
  std::vector<Missing> missing;
  for (const Node& item : cmds) {
    Node cmd = item["AlterTableCmd"];
    std::string subtype = cmd.str("subtype"), name = cmd.str("name");
    if (subtype == "AT_AddColumn" && !cmd.flag("missing_ok")) {
      std::string column = cmd["def"]["ColumnDef"].str("colname");
      missing.push_back({"ADD COLUMN " + column, statement(single ? insert_after(text, add_column, "COLUMN IF NOT EXISTS ") : "",
                                                           "ADD COLUMN IF NOT EXISTS " + column + " ...")});
    } else if (subtype == "AT_DropColumn" && !cmd.flag("missing_ok")) {
      missing.push_back({"DROP COLUMN " + name, statement(single ? insert_after(text, drop_column, "COLUMN IF EXISTS ")
                                                                 : "ALTER TABLE " + table + " DROP COLUMN IF EXISTS " + name + behavior(cmd),
                                                          "DROP COLUMN IF EXISTS " + name)});
    } else if (subtype == "AT_DropConstraint" && !cmd.flag("missing_ok")) {
      missing.push_back({"DROP CONSTRAINT " + name,
                         statement(single ? insert_after(text, drop_constraint, "IF EXISTS ")
                                          : "ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + name + behavior(cmd),
                                   "DROP CONSTRAINT IF EXISTS " + name)});
    } else if (subtype == "AT_AddConstraint") {
      // There is no ADD CONSTRAINT IF NOT EXISTS: drop it IF EXISTS first.
      std::string constraint = cmd["def"]["Constraint"].str("conname");
      if (constraint.empty())
        missing.push_back({"ADD CONSTRAINT (unnamed)", "-- name the constraint, then drop it IF EXISTS before adding it"});
      else if (!dropped_before(c, table, constraint))
        missing.push_back({"ADD CONSTRAINT " + constraint, "ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + constraint + ";" +
                                                               (single ? "\n" + text + ";" : "")});
    }
  }
  return missing;
}

std::vector<Missing> guards(const StatementContext& c) {
  static const RE2 create_table(R"((?is)^(CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\s+)(.*)$)");
  static const RE2 create_index(R"((?is)^(CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?)(.*)$)");
  static const RE2 create_other(R"((?is)^(CREATE\s+(?:(?:TEMP|TEMPORARY|UNLOGGED)\s+)?(?:SEQUENCE|SCHEMA|EXTENSION|MATERIALIZED\s+VIEW|TABLE)\s+)(.*)$)");
  static const RE2 create(R"((?is)^(CREATE\s+)(.*)$)");
  static const RE2 drop(
      R"((?is)^(DROP\s+(?:MATERIALIZED\s+VIEW|FOREIGN\s+TABLE|TEXT\s+SEARCH\s+\w+|EVENT\s+TRIGGER|ACCESS\s+METHOD|\w+)\s+(?:CONCURRENTLY\s+)?)(.*)$)");
  static const RE2 add_value(R"((?is)^(ALTER\s+TYPE\s+.*?\bADD\s+VALUE\s+)(.*)$)");
  std::string_view type = c.type();
  const std::string& text = c.statement.text;
  Node n = c.node();
  if (type == "CreateStmt" && !n.flag("if_not_exists"))
    return {{"CREATE TABLE " + relation_name(n["relation"]), statement(insert_after(text, create_table, "IF NOT EXISTS "), "add IF NOT EXISTS")}};
  if (type == "IndexStmt" && !n.flag("if_not_exists")) {
    std::string name = n.str("idxname");
    if (name.empty()) return {{"CREATE INDEX (unnamed)", "-- name the index: IF NOT EXISTS needs a name"}};
    if (n.flag("concurrent"))  // a failed CONCURRENTLY build leaves an INVALID index: drop it, do not skip it
      return {{"CREATE INDEX CONCURRENTLY " + name, "DROP INDEX CONCURRENTLY IF EXISTS " + name + ";\n" + text + ";"}};
    return {{"CREATE INDEX " + name, statement(insert_after(text, create_index, "IF NOT EXISTS "), "add IF NOT EXISTS")}};
  }
  if ((type == "CreateSeqStmt" || type == "CreateSchemaStmt" || type == "CreateExtensionStmt" || type == "CreateTableAsStmt") &&
      !n.flag("if_not_exists")) {
    std::string what = type == "CreateSeqStmt" ? "CREATE SEQUENCE " + relation_name(n["sequence"])
                       : type == "CreateSchemaStmt" ? "CREATE SCHEMA " + n.str("schemaname")
                       : type == "CreateExtensionStmt" ? "CREATE EXTENSION " + n.str("extname")
                                                       : "CREATE " + relation_name(n["into"]["rel"]);
    return {{what, statement(insert_after(text, create_other, "IF NOT EXISTS "), "add IF NOT EXISTS")}};
  }
  if ((type == "ViewStmt" || type == "CreateFunctionStmt") && !n.flag("replace")) {
    std::string what = type == "ViewStmt" ? "CREATE VIEW " + relation_name(n["view"]) : "CREATE FUNCTION " + n["funcname"].names();
    return {{what, statement(insert_after(text, create, "OR REPLACE "), "use CREATE OR REPLACE")}};
  }
  if (type == "CreateTrigStmt" && !n.flag("replace")) {
    std::string name = n.str("trigname"), table = relation_name(n["relation"]);
    return {{"CREATE TRIGGER " + name, c.settings.pg_version >= 14
                                           ? statement(insert_after(text, create, "OR REPLACE "), "use CREATE OR REPLACE TRIGGER")
                                           : "DROP TRIGGER IF EXISTS " + name + " ON " + table + ";\n" + text + ";"}};
  }
  if (type == "DropStmt" && !n.flag("missing_ok")) {
    std::string kind = n.str("removeType");
    kind = kind.substr(kind.find('_') + 1);  // OBJECT_MATVIEW -> MATVIEW
    std::replace(kind.begin(), kind.end(), '_', ' ');
    std::vector<Node> objects = n["objects"].list();
    std::string name = objects.empty() ? "" : objects[0].has("List") ? objects[0].list().back().sval() : objects[0].sval();
    return {{"DROP " + kind + (name.empty() ? "" : " " + name), statement(insert_after(text, drop, "IF EXISTS "), "add IF EXISTS")}};
  }
  if (type == "AlterEnumStmt" && !n.has("oldVal") && !n.flag("skipIfNewValExists"))
    return {{"ADD VALUE '" + n.str("newVal") + "'", statement(insert_after(text, add_value, "IF NOT EXISTS "), "add IF NOT EXISTS")}};
  if (type == "AlterTableStmt") return alter_table(c);
  return {};
}

// Outside a transaction, a migration that fails half-way keeps what it already did; re-running it
// then fails on the first unguarded CREATE/ADD/DROP.
class NonIdempotentDdl : public LintRule {
 public:
  std::string_view id() const override { return "non-idempotent-ddl"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.in_transaction || c.statement.embedded) return;
    std::vector<Missing> missing = guards(c);
    if (missing.empty()) return;
    // A lone statement is atomic, unless it is a CONCURRENTLY build that can leave an INVALID index.
    size_t in_section = 0;
    for (const Statement& s : c.migration.statements)
      if (s.section == c.statement.section && !s.embedded && ++in_section > 1) break;
    if (in_section == 1 && !(c.type() == "IndexStmt" && c.node().flag("concurrent"))) return;
    std::string what, fix;
    for (const auto& m : missing) {
      what += (what.empty() ? "" : ", ") + m.what;
      fix += (fix.empty() ? "" : "\n") + m.fix;
    }
    out.push_back({what + " has no IF [NOT] EXISTS guard and runs outside a transaction: if the migration fails after it, "
                          "re-running the migration fails here.",
                   fix, 0, ""});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_non_idempotent_ddl() { return std::make_unique<NonIdempotentDdl>(); }

}  // namespace pgguard::lint
