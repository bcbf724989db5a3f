// Helpers shared by the convention rules (column types, naming, look-ahead in the file). Header
// only, so the rule registry (generated from rules/*.cpp) is unaffected.
#pragma once
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "lint/rule.h"
#include "pg/libpg_query.h"
#include "util/text.h"

namespace pgguard::lint::convention {

using pg::Token;

// The scanner's tokens of `sql` (comments left out), so keywords inside strings never match.
inline std::vector<Token> scan_tokens(const std::string& sql) {
  std::vector<Token> tokens = pg::scan(sql);
  tokens.erase(std::remove_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.comment(); }), tokens.end());
  return tokens;
}

// An identifier as SQL needs it written: quoted unless it is all lower case letters, digits and _.
inline std::string quote_ident(const std::string& name) {
  bool plain = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) &&
               std::all_of(name.begin(), name.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'; });
  if (plain) return name;
  std::string out = "\"";
  for (char ch : name) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

inline std::string quote_idents(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + quote_ident(name);
  return out;
}

// "schema.name" as SQL needs it written (quoted where needed), or "name".
inline std::string quoted_qualified_name(const Node& range_var) {
  Node rv = range_var.has("RangeVar") ? range_var["RangeVar"] : range_var;
  std::string schema = rv.str("schemaname");
  return (schema.empty() ? "" : quote_ident(schema) + ".") + quote_ident(rv.str("relname"));
}

// The table a convention finding is about when it already exists (for stats), else "".
inline std::string existing_relation(const StatementContext& c, const std::string& table) {
  return !c.is_new_table(table) && c.schema.table(table) ? table : std::string();
}

// Whether a TypeName names a built-in type (unqualified or pg_catalog), not a user type that
// happens to share the name.
inline bool builtin_type(const Node& type_name) {
  std::vector<Node> names = type_name["names"].list();
  return names.size() == 1 || (names.size() == 2 && names[0].sval() == "pg_catalog");
}

// The comma-separated items of the parenthesised list that opens at token `open` (a '(' token):
// the offsets of the parentheses and each item's text, trimmed.
struct ParenList {
  size_t open = 0;
  size_t close = 0;
  std::vector<std::string> items;
};
inline std::optional<ParenList> paren_list(const std::string& text, const std::vector<Token>& tokens, size_t open) {
  if (open >= tokens.size() || tokens[open].kind != '(') return std::nullopt;
  ParenList list;
  list.open = tokens[open].start;
  size_t item_start = tokens[open].end;
  int depth = 0;
  for (size_t i = open; i < tokens.size(); ++i) {
    int kind = tokens[i].kind;
    if (kind == '(' || kind == '[') ++depth;
    if (kind == ')' || kind == ']') --depth;
    if ((kind == ',' && depth == 1) || depth == 0) {
      list.items.push_back(trim(text.substr(item_start, tokens[i].start - item_start)));
      item_start = tokens[i].end;
    }
    if (depth == 0) {
      list.close = tokens[i].start;
      return list;
    }
  }
  return std::nullopt;
}

// The extent of one element of a parenthesised list or ALTER TABLE command that starts at
// `start`: up to the next comma at the same depth, a closing parenthesis or the end.
inline std::pair<size_t, size_t> element_span(const std::string& text, const std::vector<Token>& tokens, size_t start) {
  int depth = 0;
  size_t end = start;
  for (const Token& t : tokens) {
    if (t.start < start) continue;
    if (t.kind == '(' || t.kind == '[') ++depth;
    if (t.kind == ')' || t.kind == ']') {
      if (depth == 0) break;
      --depth;
    }
    if ((t.kind == ',' || t.kind == ';') && depth == 0) break;
    end = t.end;
  }
  return {start, std::min(end, text.size())};
}

// The column definition (name, type, clauses) as written, with its type replaced by `new_type`
// when given; "column new_type" when the text cannot be located.
inline std::string column_definition(const StatementContext& c, const Node& column_def, const std::string& new_type = "") {
  std::string fallback = quote_ident(column_def.str("colname")) + " " + new_type;
  const std::string& text = c.statement.text;
  auto start = c.statement.text_index(column_def.integer("location", -1));
  auto type_start = c.statement.text_index(column_def["typeName"].integer("location", -1));
  if (!start || !type_start || *type_start < *start) return fallback;
  std::vector<Token> tokens = scan_tokens(text);
  auto [from, to] = element_span(text, tokens, *start);
  if (new_type.empty()) return text.substr(from, to - from);
  // The type runs until the first column clause.
  static const int clause[] = {PG_QUERY__TOKEN__CONSTRAINT, PG_QUERY__TOKEN__NOT,         PG_QUERY__TOKEN__NULL_P,
                               PG_QUERY__TOKEN__DEFAULT,    PG_QUERY__TOKEN__PRIMARY,     PG_QUERY__TOKEN__REFERENCES,
                               PG_QUERY__TOKEN__UNIQUE,     PG_QUERY__TOKEN__CHECK,       PG_QUERY__TOKEN__COLLATE,
                               PG_QUERY__TOKEN__GENERATED,  PG_QUERY__TOKEN__COMPRESSION, PG_QUERY__TOKEN__USING};
  size_t type_end = *type_start;
  int depth = 0;
  for (const Token& t : tokens) {
    if (t.start < *type_start || t.start >= to) continue;
    if (depth == 0 && std::find(std::begin(clause), std::end(clause), t.kind) != std::end(clause)) break;
    if (t.kind == '(' || t.kind == '[') ++depth;
    if (t.kind == ')' || t.kind == ']') --depth;
    type_end = t.end;
  }
  if (type_end <= *type_start) return fallback;
  return trim(text.substr(from, *type_start - from) + new_type + text.substr(type_end, to - type_end));
}

// One column whose type a statement sets: CREATE TABLE, ALTER TABLE ADD COLUMN or ALTER COLUMN TYPE.
struct ColumnSite {
  std::string table;      // unqualified
  std::string qualified;  // as written
  std::string column;
  Column type;
  bool builtin = false;
  Node def;  // the ColumnDef body
  enum Kind { Create, AddColumn, AlterType } kind = Create;
};

// The columns whose types the statement sets; six rules ask for them, so they are found once.
inline const std::vector<ColumnSite>& column_sites(const StatementContext& c) {
  if (auto* found = std::any_cast<std::vector<ColumnSite>>(&c.shared_work)) return *found;
  std::vector<ColumnSite>& sites = c.shared_work.emplace<std::vector<ColumnSite>>();
  Node n = c.node();
  std::string table, qualified;
  auto add = [&](const Node& def, const std::string& name, ColumnSite::Kind kind) {
    if (sites.empty()) {
      table = relation_name(n["relation"]);
      qualified = quoted_qualified_name(n["relation"]);
    }
    ColumnSite& site = sites.emplace_back();
    site.table = table;
    site.qualified = qualified;
    site.column = name;
    Node type_name = def["typeName"];
    site.type = column_type(type_name);
    site.builtin = builtin_type(type_name);
    site.def = def;
    site.kind = kind;
  };
  if (c.type() == "CreateStmt") {
    for (const Node& element : n["tableElts"].list())
      if (Node def = element["ColumnDef"]) add(def, def.str("colname"), ColumnSite::Create);
  } else if (c.type() == "AlterTableStmt") {
    for (const Node& item : n["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      Node def = cmd["def"]["ColumnDef"];
      if (cmd.str("subtype") == "AT_AddColumn" && def) add(def, def.str("colname"), ColumnSite::AddColumn);
      if (cmd.str("subtype") == "AT_AlterColumnType" && def) add(def, cmd.str("name"), ColumnSite::AlterType);
    }
  }
  return sites;
}

// The statement that would declare `site` with `new_type` instead, plus an optional named CHECK.
inline std::string column_fix(const StatementContext& c, const ColumnSite& site, const std::string& new_type,
                              const std::string& check_name = "", const std::string& check = "") {
  std::string constraint = check.empty() ? "" : "CONSTRAINT " + check_name + " CHECK (" + check + ")";
  if (site.kind == ColumnSite::AlterType)
    return "ALTER TABLE " + site.qualified + " ALTER COLUMN " + quote_ident(site.column) + " TYPE " + new_type +
           (constraint.empty() ? "" : ", ADD " + constraint + " NOT VALID") + ";";
  std::string definition = column_definition(c, site.def, constraint.empty() ? new_type : new_type + " " + constraint);
  if (site.kind == ColumnSite::AddColumn) return "ALTER TABLE " + site.qualified + " ADD COLUMN " + definition + ";";
  return definition + "  -- in CREATE TABLE " + site.qualified;
}

// Statements after the current one that name `table` and run in the same direction (an up
// section's fix-up must not come from its down section).
inline std::vector<const Statement*> later_statements_on(const StatementContext& c, const std::string& table) {
  std::vector<const Statement*> later;
  auto it = c.migration.statements_on.find(table);
  if (it == c.migration.statements_on.end()) return later;
  auto current = static_cast<size_t>(&c.statement - c.migration.statements.data());
  for (auto i = std::upper_bound(it->second.begin(), it->second.end(), current); i != it->second.end(); ++i) {
    const Statement& s = c.migration.statements[*i];
    if (c.migration.file.sections[s.section].direction == c.section.direction) later.push_back(&s);
  }
  return later;
}

// A foreign key a CREATE TABLE or ALTER TABLE adds.
struct ForeignKey {
  Node constraint;
  std::string column;  // for a column-level REFERENCES
  // The referencing columns.
  std::vector<std::string> columns() const { return column.empty() ? column_names(constraint["fk_attrs"]) : std::vector<std::string>{column}; }
};

// Foreign keys in the order they are written.
inline std::vector<ForeignKey> foreign_keys(const StatementContext& c) {
  std::vector<ForeignKey> keys;
  auto column_level = [&](const Node& def) {
    for (const Node& item : def["constraints"].list())
      if (item["Constraint"].str("contype") == "CONSTR_FOREIGN") keys.push_back({item["Constraint"], def.str("colname")});
  };
  auto table_level = [&](const Node& constraint) {
    if (constraint.str("contype") == "CONSTR_FOREIGN") keys.push_back({constraint, ""});
  };
  if (c.type() == "CreateStmt") {
    for (const Node& element : c.node()["tableElts"].list()) {
      column_level(element["ColumnDef"]);
      table_level(element["Constraint"]);
    }
  } else if (c.type() == "AlterTableStmt") {
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      if (cmd.str("subtype") == "AT_AddColumn") column_level(cmd["def"]["ColumnDef"]);
      if (cmd.str("subtype") == "AT_AddConstraint") table_level(cmd["def"]["Constraint"]);
    }
  }
  return keys;
}

// Whether a CREATE TABLE makes a temporary table or a partition (conventions skip both).
inline bool temp_or_partition(const Node& create) {
  return create["relation"].str("relpersistence") == "t" || create.has("partbound");
}

}  // namespace pgguard::lint::convention
