// Alembic's `op` directives on PostgreSQL: alembic/ddl/impl.py and alembic/ddl/postgresql.py (the
// type change goes first in alter_column, CONCURRENTLY from postgresql_concurrently), with the
// DDL SQLAlchemy's PostgreSQL dialect compiles for them (sqlalchemy/dialects/postgresql/base.py:
// SERIAL for a lone integer primary key, names quoted only when they need it).
#include <cctype>
#include <map>
#include <set>

#include "lint/builders/translate.h"
#include "util/text.h"

namespace pgguard::lint::builders {
namespace {

std::string ident(const std::string& name) {
  static const std::set<std::string> kReserved = {
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary", "both", "case", "cast",
      "check", "collate", "collation", "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date",
      "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc",
      "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group",
      "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like",
      "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer",
      "overlaps", "placing", "primary", "references", "returning", "right", "select", "session_user", "similar", "some", "symmetric",
      "table", "tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when",
      "where", "window", "with"};
  bool plain = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) && !kReserved.count(name);
  for (char c : name) plain = plain && (std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '$');
  return plain ? name : quote_ident(name);
}

std::string idents(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + ident(name);
  return out;
}

// sa.Integer(), sa.String(length=255), postgresql.JSONB, sa.DateTime(timezone=True), ...
std::string type_sql(const Value* type) {
  if (!type || !type->is(Value::Kind::Chain) || type->links.empty() || !type->literal()) throw NotLiteral{"has a column type that is not a literal"};
  const Link& last = type->links.back();
  static const std::map<std::string, std::string> kFixed = {
      {"Integer", "INTEGER"}, {"INTEGER", "INTEGER"}, {"BigInteger", "BIGINT"}, {"BIGINT", "BIGINT"}, {"SmallInteger", "SMALLINT"},
      {"SMALLINT", "SMALLINT"}, {"Text", "TEXT"}, {"TEXT", "TEXT"}, {"UnicodeText", "TEXT"}, {"Boolean", "BOOLEAN"},
      {"BOOLEAN", "BOOLEAN"}, {"Date", "DATE"}, {"DATE", "DATE"}, {"Float", "FLOAT"}, {"FLOAT", "FLOAT"}, {"JSON", "JSON"},
      {"JSONB", "JSONB"}, {"UUID", "UUID"}, {"Uuid", "UUID"}, {"LargeBinary", "BYTEA"}, {"BYTEA", "BYTEA"}, {"Interval", "INTERVAL"},
      {"INTERVAL", "INTERVAL"}, {"INET", "INET"}, {"CIDR", "CIDR"}, {"Double", "DOUBLE PRECISION"}, {"DOUBLE_PRECISION", "DOUBLE PRECISION"}};
  const Value* length = arg(last, 0) ? arg(last, 0) : keyword(last, "length");
  if (last.name == "String" || last.name == "Unicode" || last.name == "VARCHAR")
    return length ? "VARCHAR(" + need_scalar(length, "a length") + ")" : "VARCHAR";
  if (last.name == "CHAR") return length ? "CHAR(" + need_scalar(length, "a length") + ")" : "CHAR";
  if (last.name == "DateTime" || last.name == "TIMESTAMP" || last.name == "Time" || last.name == "TIME") {
    const Value* tz = keyword(last, "timezone") ? keyword(last, "timezone") : arg(last, 0);
    std::string base = last.name == "DateTime" || last.name == "TIMESTAMP" ? "TIMESTAMP" : "TIME";
    return base + (is_true(tz) ? " WITH TIME ZONE" : " WITHOUT TIME ZONE");
  }
  if (last.name == "Numeric" || last.name == "NUMERIC") {
    const Value* precision = arg(last, 0) ? arg(last, 0) : keyword(last, "precision");
    const Value* scale = arg(last, 1) ? arg(last, 1) : keyword(last, "scale");
    if (!precision) return "NUMERIC";
    return "NUMERIC(" + need_scalar(precision, "a precision") + (scale ? ", " + need_scalar(scale, "a scale") : "") + ")";
  }
  if (last.name == "ARRAY") return type_sql(arg(last, 0)) + "[]";
  if (auto it = kFixed.find(last.name); it != kFixed.end()) return it->second;
  throw NotLiteral{"has the column type " + type->path() + ", which pgguard does not translate"};
}

// SQL written as text: a plain string, sa.text('...'), or sa.func.now().
std::string sql_text(const Value& v) {
  if (v.is(Value::Kind::Chain) && !v.links.empty()) {
    const Link& last = v.links.back();
    if ((last.name == "text" || last.name == "literal_column") && last.called) return need_string(arg(last, 0), "an SQL expression");
    if (v.links.size() >= 2 && v.links[v.links.size() - 2].name == "func" && last.called && last.args.empty()) return last.name + "()";
  }
  return need_string(&v, "an SQL expression");
}

// server_default: a plain string is a quoted literal; sa.text() and sa.func are SQL.
std::string server_default(const Value& v) { return v.is(Value::Kind::String) ? quote_string(v.text) : sql_text(v); }

struct Column {
  std::string name, type, default_sql;
  bool nullable = true, primary = false, unique = false, integer = false;
  std::vector<std::string> foreign_keys;  // REFERENCES ... clauses
};

std::string references(const std::string& table, const std::vector<std::string>& columns, const Link& key) {
  std::string sql = "REFERENCES " + ident(table) + " (" + idents(columns) + ")";
  if (const Value* d = keyword(key, "ondelete")) sql += " ON DELETE " + need_string(d, "an ondelete action");
  if (const Value* u = keyword(key, "onupdate")) sql += " ON UPDATE " + need_string(u, "an onupdate action");
  return sql;
}

// "table.column" targets of ForeignKey/ForeignKeyConstraint: the table, and the columns.
std::pair<std::string, std::vector<std::string>> split_targets(const std::vector<std::string>& targets) {
  std::vector<std::string> columns;
  std::string table;
  for (const auto& target : targets) {
    size_t dot = target.rfind('.');
    if (dot == std::string::npos) throw NotLiteral{"has a foreign key target without a column"};
    table = target.substr(0, dot);
    columns.push_back(target.substr(dot + 1));
  }
  return {table, columns};
}

Column read_column(const Value& v) {
  if (!v.is(Value::Kind::Chain) || v.links.empty() || v.links.back().name != "Column") throw NotLiteral{"has a column that is not a literal sa.Column(...)"};
  const Link& c = v.links.back();
  Column col;
  col.name = need_string(arg(c, 0), "a column name");
  col.type = type_sql(arg(c, 1));
  col.integer = col.type == "INTEGER" || col.type == "BIGINT" || col.type == "SMALLINT";
  for (size_t i = 2; i < c.args.size(); ++i) {
    const Value& extra = c.args[i];
    if (extra.is(Value::Kind::Chain) && !extra.links.empty() && extra.links.back().name == "ForeignKey")
    {
      auto [table, columns] = split_targets({need_string(arg(extra.links.back(), 0), "a foreign key target")});
      col.foreign_keys.push_back(references(table, columns, extra.links.back()));
    } else {
      throw NotLiteral{"has a column argument pgguard does not translate"};
    }
  }
  col.primary = is_true(keyword(c, "primary_key"));
  const Value* nullable = keyword(c, "nullable");
  col.nullable = !col.primary && !(nullable && nullable->is(Value::Kind::Bool) && nullable->text == "false");
  col.unique = is_true(keyword(c, "unique"));
  if (const Value* d = keyword(c, "server_default"); d && !d->is(Value::Kind::Null)) col.default_sql = server_default(*d);
  return col;
}

std::string column_sql(const Column& c, bool serial) {
  std::string type = serial ? (c.type == "BIGINT" ? "BIGSERIAL" : c.type == "SMALLINT" ? "SMALLSERIAL" : "SERIAL") : c.type;
  std::string sql = ident(c.name) + " " + type;
  if (!c.default_sql.empty()) sql += " DEFAULT " + c.default_sql;
  if (!c.nullable) sql += " NOT NULL";
  return sql;
}

std::string constraint_name(const Link& call) {
  const Value* name = keyword(call, "name");
  return name && !name->is(Value::Kind::Null) ? "CONSTRAINT " + ident(need_string(name, "a constraint name")) + " " : "";
}

// The name argument of create_index and friends: a string or op.f('...').
std::string name_arg(const Value* v, const std::string& what) {
  if (v && v->is(Value::Kind::Chain) && v->links.size() == 2 && v->links[1].name == "f") return need_string(arg(v->links[1], 0), what);
  return need_string(v, what);
}

const Value* positional_or(const Link& call, size_t index, const std::string& name) { return arg(call, index) ? arg(call, index) : keyword(call, name); }

std::string create_table(const Link& call) {
  std::string table = need_string(arg(call, 0), "a table name");
  std::vector<Column> columns;
  std::vector<std::string> constraints;
  for (size_t i = 1; i < call.args.size(); ++i) {
    const Value& item = call.args[i];
    if (!item.is(Value::Kind::Chain) || item.links.empty()) throw NotLiteral{"has a table element that is not a literal"};
    const Link& element = item.links.back();
    if (element.name == "Column") {
      columns.push_back(read_column(item));
    } else if (element.name == "PrimaryKeyConstraint") {
      for (const auto& a : element.args)
        for (auto& c : columns)
          if (c.name == need_string(&a, "a primary key column")) {
            c.primary = true;
            c.nullable = false;
          }
    } else if (element.name == "UniqueConstraint") {
      std::vector<std::string> names;
      for (const auto& a : element.args) names.push_back(need_string(&a, "a unique column"));
      constraints.push_back(constraint_name(element) + "UNIQUE (" + idents(names) + ")");
    } else if (element.name == "ForeignKeyConstraint") {
      std::vector<std::string> local = need_strings(arg(element, 0), "a foreign key column");
      auto [table_name, remote] = split_targets(need_strings(arg(element, 1), "a foreign key target"));
      constraints.push_back(constraint_name(element) + "FOREIGN KEY(" + idents(local) + ") " + references(table_name, remote, element));
    } else if (element.name == "CheckConstraint") {
      constraints.push_back(constraint_name(element) + "CHECK (" + need_string(arg(element, 0), "a check condition") + ")");
    } else {
      throw NotLiteral{"has the table element " + item.path() + ", which pgguard does not translate"};
    }
  }
  std::vector<std::string> primary;
  for (const auto& c : columns)
    if (c.primary) primary.push_back(c.name);
  std::vector<std::string> parts;
  for (const auto& c : columns) {
    bool serial = primary.size() == 1 && c.primary && c.integer && c.default_sql.empty() && c.foreign_keys.empty();
    parts.push_back(column_sql(c, serial));
  }
  if (!primary.empty()) parts.push_back("PRIMARY KEY (" + idents(primary) + ")");
  for (const auto& c : columns) {
    if (c.unique) parts.push_back("UNIQUE (" + ident(c.name) + ")");
    for (const auto& fk : c.foreign_keys) parts.push_back("FOREIGN KEY(" + ident(c.name) + ") " + fk);
  }
  parts.insert(parts.end(), constraints.begin(), constraints.end());
  return "CREATE TABLE " + ident(table) + " (" + join(parts, ", ") + ")";
}

void translate(const Link& call, Output& out) {
  const std::string& m = call.name;
  auto emit = [&](const std::string& sql) { out.statements.push_back({call.offset, sql, "op." + m}); };
  static const char* kQuiet[] = {"execute", "get_context", "get_bind", "f", "inline_literal", "run_async", "invoke"};
  for (const char* name : kQuiet)
    if (m == name) return;
  if (m == "create_table") return emit(create_table(call));
  if (m == "create_index") {
    std::string name = name_arg(positional_or(call, 0, "index_name"), "an index name");
    std::string table = need_string(positional_or(call, 1, "table_name"), "a table name");
    const Value* columns_value = positional_or(call, 2, "columns");
    std::vector<std::string> columns;
    for (const auto& c : columns_value && columns_value->is(Value::Kind::Array) ? columns_value->items : std::vector<Value>{columns_value ? *columns_value : Value{}})
      columns.push_back(c.is(Value::Kind::String) ? ident(c.text) : sql_text(c));
    const Value* where = keyword(call, "postgresql_where");
    const Value* using_method = keyword(call, "postgresql_using");
    return emit("CREATE " + std::string(is_true(keyword(call, "unique")) ? "UNIQUE " : "") + "INDEX " +
                (is_true(keyword(call, "postgresql_concurrently")) ? "CONCURRENTLY " : "") +
                (is_true(keyword(call, "if_not_exists")) ? "IF NOT EXISTS " : "") + ident(name) + " ON " + ident(table) +
                (using_method ? " USING " + need_string(using_method, "an index method") : "") + " (" + join(columns, ", ") + ")" +
                (where ? " WHERE " + sql_text(*where) : ""));
  }
  if (m == "drop_index") {
    return emit("DROP INDEX " + std::string(is_true(keyword(call, "postgresql_concurrently")) ? "CONCURRENTLY " : "") +
                (is_true(keyword(call, "if_exists")) ? "IF EXISTS " : "") + ident(name_arg(positional_or(call, 0, "index_name"), "an index name")));
  }
  if (m == "create_foreign_key") {
    std::string name = name_arg(positional_or(call, 0, "constraint_name"), "a constraint name");
    std::string source = need_string(positional_or(call, 1, "source_table"), "a table name");
    std::string referent = need_string(positional_or(call, 2, "referent_table"), "a referenced table");
    std::vector<std::string> local = need_strings(positional_or(call, 3, "local_cols"), "a foreign key column");
    std::vector<std::string> remote = need_strings(positional_or(call, 4, "remote_cols"), "a referenced column");
    std::string sql = "ALTER TABLE " + ident(source) + " ADD CONSTRAINT " + ident(name) + " FOREIGN KEY(" + idents(local) + ") REFERENCES " +
                      ident(referent) + " (" + idents(remote) + ")";
    if (const Value* d = keyword(call, "ondelete")) sql += " ON DELETE " + need_string(d, "an ondelete action");
    if (const Value* u = keyword(call, "onupdate")) sql += " ON UPDATE " + need_string(u, "an onupdate action");
    return emit(sql);
  }
  if (m == "create_unique_constraint" || m == "create_primary_key" || m == "create_check_constraint" || m == "drop_constraint") {
    std::string name = name_arg(positional_or(call, 0, "constraint_name"), "a constraint name");
    std::string table = ident(need_string(positional_or(call, 1, "table_name"), "a table name"));
    if (m == "drop_constraint") return emit("ALTER TABLE " + table + " DROP CONSTRAINT " + ident(name));
    std::string body = m == "create_check_constraint"
                           ? "CHECK (" + sql_text(positional_or(call, 2, "condition") ? *positional_or(call, 2, "condition") : Value{}) + ")"
                           : std::string(m == "create_primary_key" ? "PRIMARY KEY" : "UNIQUE") + " (" +
                                 idents(need_strings(positional_or(call, 2, "columns"), "a column")) + ")";
    return emit("ALTER TABLE " + table + " ADD CONSTRAINT " + ident(name) + " " + body);
  }
  std::string table = ident(need_string(positional_or(call, 0, "table_name"), "a table name"));
  if (m == "drop_table") return emit("DROP TABLE " + table);
  if (m == "rename_table") return emit("ALTER TABLE " + table + " RENAME TO " + ident(need_string(positional_or(call, 1, "new_table_name"), "a table name")));
  if (m == "add_column") {
    const Value* column = positional_or(call, 1, "column");
    Column c = read_column(column ? *column : Value{});
    emit("ALTER TABLE " + table + " ADD COLUMN " + column_sql(c, false));
    for (const auto& fk : c.foreign_keys) emit("ALTER TABLE " + table + " ADD FOREIGN KEY(" + ident(c.name) + ") " + fk);
    return;
  }
  if (m == "drop_column") return emit("ALTER TABLE " + table + " DROP COLUMN " + ident(need_string(positional_or(call, 1, "column_name"), "a column name")));
  if (m == "alter_column") {
    std::string column = ident(need_string(positional_or(call, 1, "column_name"), "a column name"));
    std::string alter = "ALTER TABLE " + table + " ALTER COLUMN " + column;
    bool any = false;
    if (const Value* type = keyword(call, "type_")) {
      const Value* using_expr = keyword(call, "postgresql_using");
      emit(alter + " TYPE " + type_sql(type) + (using_expr ? " USING " + need_string(using_expr, "a USING expression") : ""));
      any = true;
    }
    if (const Value* nullable = keyword(call, "nullable"); nullable && !nullable->is(Value::Kind::Null)) {
      emit(alter + (nullable->text == "false" ? " SET NOT NULL" : " DROP NOT NULL"));
      any = true;
    }
    if (const Value* d = keyword(call, "server_default"); d && !(d->is(Value::Kind::Bool) && d->text == "false")) {
      emit(alter + (d->is(Value::Kind::Null) ? " DROP DEFAULT" : " SET DEFAULT " + server_default(*d)));
      any = true;
    }
    if (const Value* name = keyword(call, "new_column_name")) {
      emit("ALTER TABLE " + table + " RENAME " + column + " TO " + ident(need_string(name, "a column name")));
      any = true;
    }
    if (!any) throw NotLiteral{"has no change pgguard translates"};
    return;
  }
  throw NotLiteral{"is an op directive pgguard does not translate"};
}

}  // namespace

void translate_alembic(const std::string& text, Output& out) {
  static const RE2 call(R"(\bop\s*\.\s*(\w+)\s*\()");
  out.raw_call = "op.execute(\"...\")";
  for_each_method_call(text, call, Language::Python, out, translate);
}

}  // namespace pgguard::lint::builders
