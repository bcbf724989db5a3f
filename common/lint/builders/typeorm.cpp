// TypeORM's QueryRunner API on PostgreSQL, as src/driver/postgres/PostgresQueryRunner.ts writes it
// (createTableSql, buildCreateColumnSql, createIndexSql, createForeignKeySql) with the type names of
// PostgresDriver.normalizeType. TypeORM names unnamed constraints and indexes by a hash of table and
// columns; they are left to the server here, which changes no lint finding.
#include <map>

#include "lint/builders/translate.h"
#include "util/text.h"

namespace pgguard::lint::builders {
namespace {

// `new Table({...})`, `new TableColumn({...})`, or a plain object literal.
const Value& options_of(const Value* v, const std::string& what) {
  if (v && v->is(Value::Kind::Chain) && v->is_new && !v->links.empty() && v->links.back().called)
    return need_object(arg(v->links.back(), 0), what);
  return need_object(v, what);
}

std::string table_name(const Value* v) {
  if (v && v->is(Value::Kind::String)) return v->text;
  if (v && v->is(Value::Kind::Chain) && v->is_new) return need_string(options_of(v, "a table").field("name"), "a table name");
  throw NotLiteral{"has a table that is not a literal name"};
}

std::string column_name(const Value* v) {
  if (v && v->is(Value::Kind::String)) return v->text;
  return need_string(options_of(v, "a column").field("name"), "a column name");
}

std::string normalized_type(const Value& column) {
  static const std::map<std::string, std::string> kNames = {
      {"varchar", "character varying"}, {"int", "integer"},        {"int4", "integer"},   {"int8", "bigint"},
      {"int2", "smallint"},             {"bool", "boolean"},       {"float8", "double precision"},
      {"timestamp", "timestamp without time zone"}, {"timestamptz", "timestamp with time zone"},
      {"char", "character"},           {"decimal", "numeric"}};
  std::string type = to_lower(need_string(column.field("type"), "a column type"));
  if (auto it = kNames.find(type); it != kNames.end()) type = it->second;
  if (const Value* length = column.field("length")) type += "(" + need_scalar(length, "a column length") + ")";
  else if (const Value* precision = column.field("precision"))
    type += "(" + need_scalar(precision, "a precision") + (column.field("scale") ? "," + need_scalar(column.field("scale"), "a scale") : "") + ")";
  if (is_true(column.field("isArray"))) type += " array";
  return type;
}

// buildCreateColumnSql: "name" type, NOT NULL unless isNullable, DEFAULT as written (TypeORM takes
// the default as SQL text), serial types for increment generation.
std::string column_sql(const Value& column) {
  std::string type = normalized_type(column);
  const Value* strategy = column.field("generationStrategy");
  if (is_true(column.field("isGenerated")) && (!strategy || need_string(strategy, "a generation strategy") == "increment"))
    type = type == "bigint" ? "BIGSERIAL" : type == "smallint" ? "SMALLSERIAL" : "SERIAL";
  std::string sql = quote_ident(need_string(column.field("name"), "a column name")) + " " + type;
  if (!is_true(column.field("isNullable"))) sql += " NOT NULL";
  if (const Value* d = column.field("default")) sql += " DEFAULT " + (d->is(Value::Kind::String) ? d->text : sql_literal(*d, "a default"));
  else if (strategy && strategy->text == "uuid") sql += " DEFAULT uuid_generate_v4()";
  return sql;
}

std::string foreign_key_sql(const Value& key) {
  std::string sql = "FOREIGN KEY (" + quote_idents(need_strings(key.field("columnNames"), "a foreign key column")) + ") REFERENCES " +
                    quote_ident(need_string(key.field("referencedTableName"), "a referenced table")) + "(" +
                    quote_idents(need_strings(key.field("referencedColumnNames"), "a referenced column")) + ")";
  if (const Value* d = key.field("onDelete")) sql += " ON DELETE " + need_string(d, "an onDelete action");
  if (const Value* u = key.field("onUpdate")) sql += " ON UPDATE " + need_string(u, "an onUpdate action");
  return sql;
}

std::string named(const Value& options) {
  return options.field("name") ? "CONSTRAINT " + quote_ident(need_string(options.field("name"), "a constraint name")) + " " : "";
}

std::string index_sql(const std::string& table, const Value& index) {
  std::string name = index.field("name") ? " " + quote_ident(need_string(index.field("name"), "an index name")) : "";
  std::string where = index.field("where") ? " WHERE " + need_string(index.field("where"), "an index predicate") : "";
  return "CREATE " + std::string(is_true(index.field("isUnique")) ? "UNIQUE " : "") + "INDEX" +
         (is_true(index.field("isConcurrent")) ? " CONCURRENTLY" : "") + name + " ON " + quote_ident(table) + " (" +
         quote_idents(need_strings(index.field("columnNames"), "an index column")) + ")" + where;
}

void translate(const Link& call, Output& out) {
  const std::string& m = call.name;
  auto emit = [&](const std::string& sql) { out.statements.push_back({call.offset, sql, "queryRunner." + m}); };
  static const char* kQuiet[] = {"query", "hasTable", "hasColumn", "getTable", "getTables", "release", "connect",
                                 "startTransaction", "commitTransaction", "rollbackTransaction", "clearSqlMemory"};
  for (const char* name : kQuiet)
    if (m == name) return;
  if (m == "createTable") {
    const Value& table = options_of(arg(call, 0), "a table");
    std::string name = need_string(table.field("name"), "a table name");
    std::vector<std::string> parts, uniques, primary, after;
    const Value* columns = table.field("columns");
    if (!columns || !columns->is(Value::Kind::Array)) throw NotLiteral{"has a column list that is not a literal array"};
    for (const auto& column : columns->items) {
      const Value& c = options_of(&column, "a column");
      parts.push_back(column_sql(c));
      if (is_true(c.field("isUnique"))) uniques.push_back("UNIQUE (" + quote_ident(need_string(c.field("name"), "a column name")) + ")");
      if (is_true(c.field("isPrimary"))) primary.push_back(need_string(c.field("name"), "a column name"));
    }
    parts.insert(parts.end(), uniques.begin(), uniques.end());
    if (const Value* keys = table.field("foreignKeys"))
      for (const auto& key : keys->items) parts.push_back(named(options_of(&key, "a foreign key")) + foreign_key_sql(options_of(&key, "a foreign key")));
    if (!primary.empty()) parts.push_back("PRIMARY KEY (" + quote_idents(primary) + ")");
    if (const Value* indices = table.field("indices"))
      for (const auto& index : indices->items) after.push_back(index_sql(name, options_of(&index, "an index")));
    emit("CREATE TABLE " + std::string(is_true(arg(call, 1)) ? "IF NOT EXISTS " : "") + quote_ident(name) + " (" + join(parts, ", ") + ")");
    for (const auto& sql : after) emit(sql);
    return;
  }
  std::string table = table_name(arg(call, 0));
  std::string t = quote_ident(table);
  if (m == "dropTable") {
    emit("DROP TABLE " + std::string(is_true(arg(call, 1)) ? "IF EXISTS " : "") + t);
  } else if (m == "renameTable") {
    emit("ALTER TABLE " + t + " RENAME TO " + quote_ident(table_name(arg(call, 1))));
  } else if (m == "addColumn" || m == "addColumns") {
    const Value* list = arg(call, 1);
    std::vector<Value> columns = list && list->is(Value::Kind::Array) ? list->items : std::vector<Value>{list ? *list : Value{}};
    for (const auto& column : columns) {
      const Value& c = options_of(&column, "a column");
      emit("ALTER TABLE " + t + " ADD " + column_sql(c));
      if (is_true(c.field("isUnique"))) emit("ALTER TABLE " + t + " ADD UNIQUE (" + quote_ident(need_string(c.field("name"), "a column name")) + ")");
    }
  } else if (m == "dropColumn") {
    emit("ALTER TABLE " + t + " DROP COLUMN " + quote_ident(column_name(arg(call, 1))));
  } else if (m == "renameColumn") {
    emit("ALTER TABLE " + t + " RENAME COLUMN " + quote_ident(column_name(arg(call, 1))) + " TO " + quote_ident(column_name(arg(call, 2))));
  } else if (m == "changeColumn") {
    // PostgresQueryRunner.changeColumn compares against the live table and may drop and re-add the column.
    throw NotLiteral{"depends on the column as it is in the database (a type or length change drops and re-adds it)"};
  } else if (m == "createIndex") {
    emit(index_sql(table, options_of(arg(call, 1), "an index")));
  } else if (m == "dropIndex") {
    emit("DROP INDEX " + quote_ident(need_string(arg(call, 1), "an index name")));
  } else if (m == "createForeignKey") {
    const Value& key = options_of(arg(call, 1), "a foreign key");
    emit("ALTER TABLE " + t + " ADD " + named(key) + foreign_key_sql(key));
  } else if (m == "dropForeignKey" || m == "dropUniqueConstraint" || m == "dropCheckConstraint") {
    emit("ALTER TABLE " + t + " DROP CONSTRAINT " + quote_ident(need_string(arg(call, 1), "a constraint name")));
  } else if (m == "createUniqueConstraint") {
    const Value& unique = options_of(arg(call, 1), "a unique constraint");
    emit("ALTER TABLE " + t + " ADD " + named(unique) + "UNIQUE (" + quote_idents(need_strings(unique.field("columnNames"), "a unique column")) + ")");
  } else {
    throw NotLiteral{"is a QueryRunner call pgguard does not translate"};
  }
}

}  // namespace

void translate_typeorm(const std::string& text, Output& out) {
  static const RE2 call(R"(\bqueryRunner\s*\.\s*(\w+)\s*\()");
  out.raw_call = "queryRunner.query('...')";
  for_each_method_call(text, call, Language::JavaScript, out, translate);
}

}  // namespace pgguard::lint::builders
