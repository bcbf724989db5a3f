// Sequelize's queryInterface on PostgreSQL, as packages/postgres/src/query-generator.js writes it
// (attributeToSQL, createTableQuery, changeColumnQuery), with the default names of
// packages/core/src/utils/string.ts (generateIndexName) and query-generator-internal.ts
// (constraint names). Whitespace differs from Sequelize's; PostgreSQL reads both the same.
#include <cctype>
#include <map>

#include "lint/builders/translate.h"
#include "util/text.h"

namespace pgguard::lint::builders {
namespace {

// Sequelize.STRING, DataTypes.STRING(100), Sequelize.DECIMAL(10, 2), or a type written as text.
std::string type_sql(const Value* type) {
  if (type && type->is(Value::Kind::String)) return type->text;
  if (!type || !type->is(Value::Kind::Chain) || type->links.empty() || !type->literal()) throw NotLiteral{"has a column type that is not a literal"};
  const Link& last = type->links.back();
  static const std::map<std::string, std::string> kFixed = {
      {"TEXT", "TEXT"},       {"CITEXT", "CITEXT"},   {"INTEGER", "INTEGER"},   {"BIGINT", "BIGINT"},   {"SMALLINT", "SMALLINT"},
      {"FLOAT", "FLOAT"},     {"REAL", "REAL"},       {"DOUBLE", "DOUBLE PRECISION"}, {"BOOLEAN", "BOOLEAN"}, {"DATE", "TIMESTAMP WITH TIME ZONE"},
      {"DATEONLY", "DATE"},   {"TIME", "TIME"},       {"UUID", "UUID"},         {"JSON", "JSON"},       {"JSONB", "JSONB"},
      {"BLOB", "BYTEA"},      {"INET", "INET"}};
  auto number = [&](size_t i) { return arg(last, i) && arg(last, i)->is(Value::Kind::Number) ? arg(last, i)->text : std::string(); };
  if (last.name == "STRING" || last.name == "CHAR") {
    std::string length = number(0).empty() ? "255" : number(0);
    return (last.name == "STRING" ? "VARCHAR(" : "CHAR(") + length + ")";
  }
  if (last.name == "DECIMAL" || last.name == "NUMERIC") return last.name + (number(0).empty() ? "" : "(" + number(0) + (number(1).empty() ? "" : "," + number(1)) + ")");
  if (auto it = kFixed.find(last.name); it != kFixed.end()) return it->second;
  throw NotLiteral{"has the column type " + type->path() + ", which pgguard does not translate"};
}

// defaultValue: literals escaped; Sequelize.fn('now') and Sequelize.literal('...') as SQL;
// Sequelize.NOW is filled in by Sequelize on insert, so no DEFAULT is sent.
std::string default_sql(const Value& v) {
  if (v.is(Value::Kind::Chain) && !v.links.empty()) {
    const Link& last = v.links.back();
    if (last.name == "literal" && last.called) return need_string(arg(last, 0), "a literal default");
    if (last.name == "fn" && last.called) return need_string(arg(last, 0), "a default function") + "()";
    if (last.name == "NOW" && !last.called) return "";
  }
  if (v.is(Value::Kind::Bool)) return v.text;
  return sql_literal(v, "a default value");
}

struct Attribute {
  std::string sql;
  bool primary = false;
};

// attributeToSQL: type, NOT NULL, SERIAL, DEFAULT, UNIQUE, PRIMARY KEY, REFERENCES.
Attribute attribute_sql(const std::string& name, const Value& spec, bool in_create, std::string* reference = nullptr) {
  const Value& s = spec.is(Value::Kind::Object) ? need_object(&spec, "a column definition") : spec;
  const Value* type_value = s.is(Value::Kind::Object) ? s.field("type") : &s;
  std::string type = type_sql(type_value);
  Attribute out;
  if (!s.is(Value::Kind::Object)) {
    out.sql = quote_ident(name) + " " + type;
    return out;
  }
  if (is_true(s.field("autoIncrement"))) type = type == "BIGINT" ? "BIGSERIAL" : type == "SMALLINT" ? "SMALLSERIAL" : "SERIAL";
  std::string sql = quote_ident(name) + " " + type;
  const Value* allow_null = s.field("allowNull");
  if (allow_null && allow_null->is(Value::Kind::Bool) && allow_null->text == "false" && type.find("SERIAL") == std::string::npos) sql += " NOT NULL";
  if (const Value* d = s.field("defaultValue"); d && !default_sql(*d).empty()) sql += " DEFAULT " + default_sql(*d);
  if (is_true(s.field("unique"))) sql += " UNIQUE";
  out.primary = is_true(s.field("primaryKey"));
  if (out.primary && !in_create) sql += " PRIMARY KEY";
  if (const Value* ref = s.field("references")) {
    const Value& r = need_object(ref, "a references option");
    std::string target = need_string(r.field("model") ? r.field("model") : r.field("table"), "a referenced table");
    std::string key = r.field("key") ? need_string(r.field("key"), "a referenced column") : "id";
    std::string clause = "REFERENCES " + quote_ident(target) + " (" + quote_ident(key) + ")";
    if (const Value* d = s.field("onDelete")) clause += " ON DELETE " + upper(need_string(d, "an onDelete action"));
    if (const Value* u = s.field("onUpdate")) clause += " ON UPDATE " + upper(need_string(u, "an onUpdate action"));
    sql += " " + clause;
    if (reference) *reference = clause;
  }
  out.sql = sql;
  return out;
}

// inflection's underscore(), as generateIndexName applies it: camelCase to snake_case, lower case.
std::string underscore(const std::string& name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (std::isupper(c) && i > 0 && (std::islower(static_cast<unsigned char>(name[i - 1])) || std::isdigit(static_cast<unsigned char>(name[i - 1]))))
      out += '_';
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

void translate(const Link& call, Output& out) {
  const std::string& m = call.name;
  auto emit = [&](const std::string& sql) { out.statements.push_back({call.offset, sql + ";", "queryInterface." + m}); };
  static const char* kReadOnly[] = {"describeTable", "showAllTables", "showAllSchemas", "tableExists", "showIndex", "getForeignKeyReferencesForTable"};
  for (const char* name : kReadOnly)
    if (m == name) return;
  std::string table = need_string(arg(call, 0), "a table name");
  std::string t = quote_ident(table);
  if (m == "createTable") {
    std::vector<std::string> columns, primary;
    for (const auto& [name, spec] : need_object(arg(call, 1), "a column list").fields) {
      Attribute a = attribute_sql(name, spec, true);
      columns.push_back(a.sql);
      if (a.primary) primary.push_back(name);
    }
    if (!primary.empty()) columns.push_back("PRIMARY KEY (" + quote_idents(primary) + ")");
    emit("CREATE TABLE IF NOT EXISTS " + t + " (" + join(columns, ", ") + ")");
  } else if (m == "dropTable") {
    emit("DROP TABLE IF EXISTS " + t);
  } else if (m == "renameTable") {
    emit("ALTER TABLE " + t + " RENAME TO " + quote_ident(need_string(arg(call, 1), "a table name")));
  } else if (m == "addColumn") {
    const std::string& column = need_string(arg(call, 1), "a column name");
    if (!arg(call, 2)) throw NotLiteral{"has no column definition"};
    emit("ALTER TABLE " + t + " ADD COLUMN " + attribute_sql(column, *arg(call, 2), false).sql);
  } else if (m == "removeColumn") {
    emit("ALTER TABLE " + t + " DROP COLUMN " + quote_ident(need_string(arg(call, 1), "a column name")));
  } else if (m == "renameColumn") {
    emit("ALTER TABLE " + t + " RENAME COLUMN " + quote_ident(need_string(arg(call, 1), "a column name")) + " TO " +
         quote_ident(need_string(arg(call, 2), "a column name")));
  } else if (m == "changeColumn") {
    // changeColumnQuery: NOT NULL, then DEFAULT, then the type (or the foreign key), each its own statement.
    const std::string& column = need_string(arg(call, 1), "a column name");
    const Value* spec = arg(call, 2);
    if (!spec) throw NotLiteral{"has no column definition"};
    std::string c = quote_ident(column), alter = "ALTER TABLE " + t + " ALTER COLUMN " + c;
    std::string reference;
    std::string definition = attribute_sql(column, *spec, false, &reference).sql;
    bool not_null = definition.find(" NOT NULL") != std::string::npos;
    const Value* d = spec->is(Value::Kind::Object) ? spec->field("defaultValue") : nullptr;
    std::string def = d ? default_sql(*d) : "";
    if (not_null) emit(alter + " SET NOT NULL");
    else if (reference.empty()) emit(alter + " DROP NOT NULL");
    if (!def.empty()) emit(alter + " SET DEFAULT " + def);
    else if (reference.empty()) emit(alter + " DROP DEFAULT");
    if (spec->is(Value::Kind::Object) && is_true(spec->field("unique"))) emit("ALTER TABLE " + t + " ADD UNIQUE (" + c + ")");
    if (!reference.empty()) emit("ALTER TABLE " + t + " ADD FOREIGN KEY (" + c + ") " + reference);
    else emit(alter + " TYPE " + type_sql(spec->is(Value::Kind::Object) ? spec->field("type") : spec));
  } else if (m == "addIndex") {
    const Value* first = arg(call, 1);
    const Value* options = first && first->is(Value::Kind::Object) ? first : arg(call, 2);
    if (options) need_object(options, "index options");
    std::vector<std::string> fields = need_strings(first && first->is(Value::Kind::Array) ? first : options ? options->field("fields") : nullptr, "an index field");
    bool unique = options && (is_true(options->field("unique")) || (options->field("type") && options->field("type")->text == "UNIQUE"));
    std::string name = options && options->field("name") ? need_string(options->field("name"), "an index name")
                                                          : underscore(table + "_" + join(fields, "_") + (unique ? "_unique" : ""));
    if (options && options->field("where")) throw NotLiteral{"has an index `where` option, which pgguard does not translate"};
    std::string method = options && options->field("using") ? " USING " + need_string(options->field("using"), "an index method") : "";
    emit("CREATE " + std::string(unique ? "UNIQUE " : "") + "INDEX " + (options && is_true(options->field("concurrently")) ? "CONCURRENTLY " : "") +
         quote_ident(name) + " ON " + t + method + " (" + quote_idents(fields) + ")");
  } else if (m == "removeIndex") {
    const Value* target = arg(call, 1);
    const Value* options = arg(call, 2);
    std::string name = target && target->is(Value::Kind::Array) ? underscore(table + "_" + join(need_strings(target, "an index field"), "_"))
                                                                : need_string(target, "an index name");
    emit("DROP INDEX " + std::string(options && is_true(options->field("concurrently")) ? "CONCURRENTLY " : "") + "IF EXISTS " + quote_ident(name));
  } else if (m == "addConstraint") {
    const Value& o = need_object(arg(call, 1) && arg(call, 1)->is(Value::Kind::Object) ? arg(call, 1) : arg(call, 2), "constraint options");
    std::vector<std::string> fields = need_strings(o.field("fields") ? o.field("fields") : arg(call, 1), "a constraint field");
    std::string type = to_lower(need_string(o.field("type"), "a constraint type"));
    std::string base = table + "_" + join(fields, "_");
    std::string name, body;
    if (type == "unique") {
      name = base + "_uk";
      body = "UNIQUE (" + quote_idents(fields) + ")";
    } else if (type == "primary key") {
      name = base + "_pk";
      body = "PRIMARY KEY (" + quote_idents(fields) + ")";
    } else if (type == "foreign key") {
      const Value& r = need_object(o.field("references"), "a references option");
      std::string target = need_string(r.field("table"), "a referenced table");
      name = base + "_" + target + "_fk";
      body = "FOREIGN KEY (" + quote_idents(fields) + ") REFERENCES " + quote_ident(target) + " (" +
             quote_ident(need_string(r.field("field"), "a referenced column")) + ")";
      if (const Value* d = o.field("onDelete")) body += " ON DELETE " + upper(need_string(d, "an onDelete action"));
      if (const Value* u = o.field("onUpdate")) body += " ON UPDATE " + upper(need_string(u, "an onUpdate action"));
    } else {
      throw NotLiteral{"adds a " + type + " constraint, which pgguard does not translate"};
    }
    if (o.field("name")) name = need_string(o.field("name"), "a constraint name");
    emit("ALTER TABLE " + t + " ADD CONSTRAINT " + quote_ident(name) + " " + body);
  } else if (m == "removeConstraint") {
    emit("ALTER TABLE " + t + " DROP CONSTRAINT " + quote_ident(need_string(arg(call, 1), "a constraint name")));
  } else {
    throw NotLiteral{"is a queryInterface call pgguard does not translate"};
  }
}

}  // namespace

void translate_sequelize(const std::string& text, Output& out) {
  static const RE2 call(R"(\bqueryInterface\s*\.\s*(\w+)\s*\()");
  out.raw_call = "queryInterface.sequelize.query('...')";
  for_each_method_call(text, call, Language::JavaScript, out, translate);
}

}  // namespace pgguard::lint::builders
