// node-pg-migrate's MigrationBuilder (`pgm.*`), as src/operations/tables/*.ts and indexes/*.ts
// write it: names always quoted, string defaults dollar-quoted (src/utils/escapeValue.ts), type
// shorthands from src/utils/types.ts.
#include <map>

#include "lint/builders/translate.h"
#include "util/text.h"

namespace pgguard::lint::builders {
namespace {

std::string type_name(const std::string& type) {
  static const std::map<std::string, std::string> kAdapters = {{"int", "integer"},  {"string", "text"},          {"float", "real"},
                                                               {"double", "double precision"}, {"datetime", "timestamp"}, {"bool", "boolean"}};
  auto it = kAdapters.find(type);
  return it == kAdapters.end() ? type : it->second;
}

// escapeValue: pgm.func('now()') as written, strings as $pga$...$pga$, numbers and booleans bare.
std::string value_sql(const Value& v) {
  if (v.is(Value::Kind::Chain) && v.links.size() == 2 && v.links[1].name == "func" && v.links[1].called)
    return need_string(arg(v.links[1], 0), "a pgm.func() expression");
  if (v.is(Value::Kind::String)) return "$pga$" + v.text + "$pga$";
  if (v.is(Value::Kind::Null)) return "NULL";
  if (v.is(Value::Kind::Number) || v.is(Value::Kind::Bool)) return v.text;
  throw NotLiteral{"has a default value that is not a literal"};
}

std::string references_sql(const Value& spec) {
  const std::string& target = need_string(spec.field("references"), "a referenced table");
  std::string sql = target.front() == '"' || target.back() == ')' ? "REFERENCES " + target : "REFERENCES " + quote_ident(target);
  if (const Value* d = spec.field("onDelete")) sql += " ON DELETE " + need_string(d, "an ON DELETE action");
  if (const Value* u = spec.field("onUpdate")) sql += " ON UPDATE " + need_string(u, "an ON UPDATE action");
  return sql;
}

// One column of createTable/addColumns: shorthand type string, or {type, notNull, default, ...}.
std::string column_sql(const std::string& name, const Value& spec, size_t primary_columns) {
  if (spec.is(Value::Kind::String)) {
    if (spec.text == "id") return quote_ident(name) + " serial PRIMARY KEY";
    return quote_ident(name) + " " + type_name(spec.text);
  }
  const Value& s = need_object(&spec, "a column definition");
  std::string sql = quote_ident(name) + " " + type_name(need_string(s.field("type"), "a column type"));
  if (const Value* d = s.field("default")) sql += " DEFAULT " + value_sql(*d);
  if (is_true(s.field("unique"))) sql += " UNIQUE";
  if (is_true(s.field("primaryKey")) && primary_columns == 1) sql += " PRIMARY KEY";
  if (is_true(s.field("notNull"))) sql += " NOT NULL";
  if (const Value* check = s.field("check")) sql += " CHECK (" + need_string(check, "a check expression") + ")";
  if (s.field("references")) sql += " " + references_sql(s);
  return sql;
}

std::vector<std::string> columns_sql(const Value* columns, std::vector<std::string>* primary = nullptr) {
  const Value& object = need_object(columns, "a column list");
  std::vector<std::string> pk;
  for (const auto& [name, spec] : object.fields)
    if (spec.is(Value::Kind::String) ? spec.text == "id" : is_true(spec.field("primaryKey"))) pk.push_back(name);
  std::vector<std::string> out;
  for (const auto& [name, spec] : object.fields) out.push_back(column_sql(name, spec, pk.size()));
  if (primary) *primary = pk;
  return out;
}

std::vector<std::string> names(const Value* v, const std::string& what) {
  if (v && v->is(Value::Kind::Object)) return {need_string(v->field("name"), what)};
  return need_strings(v, what);
}

std::string index_name(const std::string& table, const std::vector<std::string>& columns, const Value* options) {
  if (options && options->field("name")) return need_string(options->field("name"), "an index name");
  return table + "_" + join(columns, "_") + (options && is_true(options->field("unique")) ? "_unique" : "") + "_index";
}

std::string constraint_sql(const Value* expression) {
  if (expression && expression->is(Value::Kind::String)) return expression->text;
  const Value& o = need_object(expression, "a constraint");
  if (const Value* check = o.field("check")) return "CHECK (" + need_string(check, "a check expression") + ")";
  if (const Value* unique = o.field("unique")) return "UNIQUE (" + quote_idents(need_strings(unique, "a unique column")) + ")";
  if (const Value* pk = o.field("primaryKey")) return "PRIMARY KEY (" + quote_idents(need_strings(pk, "a primary key column")) + ")";
  if (const Value* fk = o.field("foreignKeys")) {
    const Value& key = need_object(fk, "a foreign key");
    return "FOREIGN KEY (" + quote_idents(need_strings(key.field("columns"), "a foreign key column")) + ") " + references_sql(key);
  }
  throw NotLiteral{"has a constraint pgguard does not translate"};
}

void translate(const Link& call, Output& out) {
  const std::string& m = call.name;
  auto emit = [&](const std::string& sql) { out.statements.push_back({call.offset, sql + ";", "pgm." + m}); };
  if (m == "sql" || m == "func" || m == "noTransaction") return;  // raw SQL is read as such; the rest sends nothing
  const Value* options = nullptr;
  std::string table = need_string(arg(call, 0), m == "createExtension" ? "an extension name" : "a table name");
  std::string t = quote_ident(table);
  if (m == "createTable") {
    std::vector<std::string> pk;
    std::vector<std::string> lines = columns_sql(arg(call, 1), &pk);
    if (pk.size() > 1) lines.push_back("CONSTRAINT " + quote_ident(table + "_pkey") + " PRIMARY KEY (" + quote_idents(pk) + ")");
    options = arg(call, 2);
    std::string exists = options && is_true(options->field("ifNotExists")) ? " IF NOT EXISTS" : "";
    emit("CREATE TABLE" + exists + " " + t + " (" + join(lines, ", ") + ")");
  } else if (m == "dropTable") {
    options = arg(call, 1);
    emit("DROP TABLE " + std::string(options && is_true(options->field("ifExists")) ? "IF EXISTS " : "") + t +
         (options && is_true(options->field("cascade")) ? " CASCADE" : ""));
  } else if (m == "renameTable") {
    emit("ALTER TABLE " + t + " RENAME TO " + quote_ident(need_string(arg(call, 1), "a table name")));
  } else if (m == "addColumns" || m == "addColumn") {
    std::vector<std::string> columns = columns_sql(arg(call, 1));
    for (auto& c : columns) c = "ADD " + c;
    emit("ALTER TABLE " + t + " " + join(columns, ", "));
  } else if (m == "dropColumns" || m == "dropColumn") {
    const Value* list = arg(call, 1);
    std::vector<std::string> columns;
    if (list && list->is(Value::Kind::Object)) {
      for (const auto& [name, value] : need_object(list, "a column list").fields) columns.push_back(name);
    } else {
      columns = need_strings(list, "a column name");
    }
    for (auto& c : columns) c = "DROP " + quote_ident(c);
    emit("ALTER TABLE " + t + " " + join(columns, ", "));
  } else if (m == "renameColumn") {
    emit("ALTER TABLE " + t + " RENAME " + quote_ident(need_string(arg(call, 1), "a column name")) + " TO " +
         quote_ident(need_string(arg(call, 2), "a column name")));
  } else if (m == "alterColumn") {
    // src/operations/tables/alterColumn.ts: default, then type, then NOT NULL, in one ALTER TABLE.
    std::string column = "ALTER " + quote_ident(need_string(arg(call, 1), "a column name"));
    const Value& o = need_object(arg(call, 2), "column options");
    std::vector<std::string> actions;
    if (const Value* d = o.field("default")) actions.push_back(column + (d->is(Value::Kind::Null) ? " DROP DEFAULT" : " SET DEFAULT " + value_sql(*d)));
    if (const Value* type = o.field("type")) {
      std::string using_sql = o.field("using") ? " USING " + need_string(o.field("using"), "a USING expression") : "";
      actions.push_back(column + " SET DATA TYPE " + type_name(need_string(type, "a column type")) + using_sql);
    }
    if (const Value* not_null = o.field("notNull")) actions.push_back(column + (is_true(not_null) ? " SET NOT NULL" : " DROP NOT NULL"));
    if (actions.empty()) throw NotLiteral{"has column options pgguard does not translate"};
    emit("ALTER TABLE " + t + " " + join(actions, ", "));
  } else if (m == "createIndex" || m == "addIndex") {
    std::vector<std::string> columns = names(arg(call, 1), "an index column");
    options = arg(call, 2);
    if (options) need_object(options, "index options");
    std::string unique = options && is_true(options->field("unique")) ? " UNIQUE" : "";
    std::string concurrently = options && is_true(options->field("concurrently")) ? " CONCURRENTLY" : "";
    std::string exists = options && is_true(options->field("ifNotExists")) ? " IF NOT EXISTS" : "";
    std::string method = options && options->field("method") ? " USING " + need_string(options->field("method"), "an index method") : "";
    std::string where = options && options->field("where") ? " WHERE " + need_string(options->field("where"), "an index predicate") : "";
    emit("CREATE" + unique + " INDEX" + concurrently + exists + " " + quote_ident(index_name(table, columns, options)) + " ON " + t + method +
         " (" + quote_idents(columns) + ")" + where);
  } else if (m == "dropIndex") {
    options = arg(call, 2);
    if (options) need_object(options, "index options");
    std::string concurrently = options && is_true(options->field("concurrently")) ? " CONCURRENTLY" : "";
    std::string exists = options && is_true(options->field("ifExists")) ? " IF EXISTS" : "";
    emit("DROP INDEX" + concurrently + exists + " " + quote_ident(index_name(table, names(arg(call, 1), "an index column"), options)));
  } else if (m == "addConstraint" || m == "createConstraint") {
    emit("ALTER TABLE " + t + " ADD CONSTRAINT " + quote_ident(need_string(arg(call, 1), "a constraint name")) + " " + constraint_sql(arg(call, 2)));
  } else if (m == "dropConstraint") {
    options = arg(call, 2);
    emit("ALTER TABLE " + t + " DROP CONSTRAINT " + std::string(options && is_true(options->field("ifExists")) ? "IF EXISTS " : "") +
         quote_ident(need_string(arg(call, 1), "a constraint name")));
  } else if (m == "createExtension" || m == "addExtension") {
    options = arg(call, 1);
    emit("CREATE EXTENSION" + std::string(options && is_true(options->field("ifNotExists")) ? " IF NOT EXISTS" : "") + " " + t);
  } else {
    throw NotLiteral{"is a builder call pgguard does not translate"};
  }
}

}  // namespace

void translate_node_pg_migrate(const std::string& text, Output& out) {
  static const RE2 call(R"(\bpgm\s*\.\s*(\w+)\s*\()");
  out.raw_call = "pgm.sql(`...`)";
  for_each_method_call(text, call, Language::JavaScript, out, translate);
}

}  // namespace pgguard::lint::builders
