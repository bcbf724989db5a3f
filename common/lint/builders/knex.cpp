// knex's schema builder, as its PostgreSQL dialect compiles it: lib/dialects/postgres/schema/
// pg-columncompiler.js (types), pg-tablecompiler.js (create/alter/index SQL) and
// lib/schema/tablecompiler.js (_indexCommand names, foreign keys, drop column).
#include <algorithm>
#include <map>
#include <optional>

#include "lint/builders/translate.h"
#include "util/text.h"

namespace pgguard::lint::builders {
namespace {

struct Column {
  size_t offset = 0;  // of the builder statement that declares it
  std::string name;
  std::string type;
  std::string nullability;  // "not null", "null" or "" when not set
  std::string default_sql;
  bool alter = false;
  bool is_bool = false;
};

// The table-builder statements of one createTable/alterTable callback, compiled into SQL.
class TableCompiler {
 public:
  // `create` is "create table", "create table if not exists" or "" for alterTable; `offset` is the call's.
  TableCompiler(std::string table, std::string create, size_t offset) : table_(std::move(table)), create_(std::move(create)), offset_(offset) {}

  void statement(const Value& chain) {
    at_ = chain.offset;
    if (chain.links.size() < 2 || !chain.links[1].called) throw NotLiteral{"has a table callback statement that is not a builder call"};
    const Link& call = chain.links[1];
    std::vector<Link> modifiers(chain.links.begin() + 2, chain.links.end());
    if (auto type = column_type(call)) {
      column(call, *type, modifiers);
    } else {
      table_method(call);
      if (!modifiers.empty() && call.name == "foreign") foreign_key(need_strings(arg(call, 0), "a foreign key column"), arg(call, 1), modifiers);
    }
  }

  // The statements with the offsets of the builder statements they come from.
  std::vector<Output::Statement> sql(const std::string& call) const {
    std::vector<Output::Statement> out;
    std::vector<std::string> defs;
    size_t first_added = std::string::npos;
    for (const auto& c : columns_)
      if (!c.alter) {
        defs.push_back(definition(c));
        first_added = std::min(first_added, c.offset);
      }
    if (!create_.empty()) {
      std::string pk = primary_.empty() ? "" : ", constraint " + quote_ident(table_ + "_pkey") + " primary key (" + quote_idents(primary_) + ")";
      out.push_back({offset_, create_ + " " + quote_ident(table_) + " (" + join(defs, ", ") + pk + ")", call});
    } else if (!defs.empty()) {
      for (auto& d : defs) d = "add column " + d;
      out.push_back({first_added, "alter table " + quote_ident(table_) + " " + join(defs, ", "), call});
    }
    for (const auto& c : columns_)
      if (c.alter)
        for (auto& sql : alter_column(c)) out.push_back({c.offset, sql, call});
    if (create_.empty() && !primary_.empty())
      out.push_back({primary_at_, "alter table " + quote_ident(table_) + " add constraint " + quote_ident(table_ + "_pkey") + " primary key (" +
                                      quote_idents(primary_) + ")", call});
    for (const auto& [offset, sql] : after_) out.push_back({offset, sql, call});
    return out;
  }

 private:
  std::string table_;
  std::string create_;
  size_t offset_;
  size_t at_ = 0;  // the builder statement being read
  std::vector<Column> columns_;
  std::vector<std::string> primary_;
  size_t primary_at_ = 0;
  std::vector<std::pair<size_t, std::string>> after_;  // constraints and indexes, in the order they were asked for

  std::string quoted_table() const { return quote_ident(table_); }

  void set_primary(std::vector<std::string> columns) {
    primary_ = std::move(columns);
    primary_at_ = at_;
  }

  // knex's default names: table_col1_col2_<type>, lower case, '.' and '-' of the table as '_'.
  std::string index_name(const std::vector<std::string>& columns, const std::string& type) const {
    std::string table = table_;
    for (char& ch : table)
      if (ch == '.' || ch == '-') ch = '_';
    return to_lower(table + "_" + join(columns, "_") + "_" + type);
  }

  std::string name_or_default(const Value* name, const std::vector<std::string>& columns, const std::string& type) const {
    if (name && name->is(Value::Kind::String)) return name->text;
    if (name && name->is(Value::Kind::Object)) {
      if (const Value* n = name->field("indexName")) return need_string(n, "an index name");
      if (const Value* n = name->field("constraintName")) return need_string(n, "a constraint name");
    }
    return index_name(columns, type);
  }

  static std::optional<std::string> column_type(const Link& call) {
    static const std::map<std::string, std::string> kFixed = {
        {"integer", "integer"},   {"mediumint", "integer"}, {"bigInteger", "bigint"}, {"bigint", "bigint"},
        {"smallint", "smallint"}, {"tinyint", "smallint"},  {"text", "text"},         {"boolean", "boolean"},
        {"date", "date"},         {"time", "time"},         {"uuid", "uuid"},         {"json", "json"},
        {"jsonb", "jsonb"},       {"binary", "bytea"},      {"float", "real"},        {"double", "double precision"},
        {"increments", "serial primary key"}, {"bigIncrements", "bigserial primary key"}};
    if (auto it = kFixed.find(call.name); it != kFixed.end()) return it->second;
    if (call.name == "string") {
      const Value* length = arg(call, 1);
      return "varchar(" + (length && length->is(Value::Kind::Number) ? length->text : std::string("255")) + ")";
    }
    if (call.name == "decimal") {
      const Value* precision = arg(call, 1);
      const Value* scale = arg(call, 2);
      if (precision && precision->is(Value::Kind::Null)) return "decimal";
      return "decimal(" + (precision && precision->is(Value::Kind::Number) ? precision->text : "8") + ", " +
             (scale && scale->is(Value::Kind::Number) ? scale->text : "2") + ")";
    }
    if (call.name == "timestamp" || call.name == "datetime") {
      const Value* option = arg(call, 1);  // true or {useTz: false}: without time zone
      bool without_tz = is_true(option) || (option && option->field("useTz") && option->field("useTz")->text == "false");
      return without_tz ? "timestamp" : "timestamptz";
    }
    if (call.name == "specificType") return need_string(arg(call, 1), "a column type");
    if (call.name == "enu" || call.name == "enum") {
      if (arg(call, 2) && is_true(arg(call, 2)->field("useNative"))) throw NotLiteral{"creates a native enum type, which pgguard does not translate"};
      std::vector<std::string> values;
      for (const auto& v : need_strings(arg(call, 1), "an enum value")) values.push_back(quote_string(v));
      return "text check (" + quote_ident(need_string(arg(call, 0), "a column name")) + " in (" + join(values, ", ") + "))";
    }
    return std::nullopt;
  }

  // knex's formatDefault: booleans of a boolean column become '1'/'0', other values quoted text.
  static std::string default_sql(const Value* v, bool is_bool) {
    if (!v) throw NotLiteral{"has a default value that is not a literal"};
    if (v->is(Value::Kind::Null)) return "null";
    if (v->is(Value::Kind::Chain) && !v->links.empty()) {
      const Link& last = v->links.back();
      if (last.name == "raw" && last.called) return need_string(arg(last, 0), "a raw default");
      if (last.name == "now" && v->links.size() >= 2 && v->links[v->links.size() - 2].name == "fn") return "CURRENT_TIMESTAMP";
    }
    if (v->is(Value::Kind::Bool)) return is_bool ? (v->text == "true" ? "'1'" : "'0'") : quote_string(v->text);
    if (v->is(Value::Kind::String) || v->is(Value::Kind::Number)) return quote_string(v->text);
    throw NotLiteral{"has a default value that is not a literal"};
  }

  std::string definition(const Column& c) const {
    std::string type = c.type;
    // _canBeAddPrimaryKey: increments() leaves the key to an explicit primary().
    if (!primary_.empty() && ends_with(type, " primary key")) type.resize(type.size() - 12);
    std::string sql = quote_ident(c.name) + " " + type;
    if (!c.nullability.empty()) sql += " " + c.nullability;
    if (!c.default_sql.empty()) sql += " default " + c.default_sql;
    return sql;
  }

  // pg-tablecompiler.js _addColumn: the statements one `.alter()` sends.
  std::vector<std::string> alter_column(const Column& c) const {
    std::vector<std::string> out;
    std::string prefix = "alter table " + quoted_table() + " alter column " + quote_ident(c.name);
    out.push_back(prefix + " drop default");
    out.push_back(prefix + " drop not null");
    out.push_back(prefix + " type " + c.type + " using (" + quote_ident(c.name) + "::" + c.type + ")");
    if (!c.default_sql.empty()) out.push_back(prefix + " set default " + c.default_sql);
    if (c.nullability == "not null") out.push_back(prefix + " set not null");
    return out;
  }

  void column(const Link& call, const std::string& type, const std::vector<Link>& modifiers) {
    Column c;
    c.offset = at_;
    bool increments = call.name == "increments" || call.name == "bigIncrements";
    c.name = increments && !arg(call, 0) ? "id" : need_string(arg(call, 0), "a column name");  // knex names it id
    c.type = type;
    c.is_bool = call.name == "boolean";
    bool foreign = false;
    for (const auto& m : modifiers) {
      if (m.name == "notNullable") c.nullability = "not null";
      else if (m.name == "nullable") c.nullability = "null";
      else if (m.name == "defaultTo") c.default_sql = default_sql(arg(m, 0), c.is_bool);
      else if (m.name == "alter") c.alter = true;
      else if (m.name == "primary") set_primary({c.name});
      else if (m.name == "unique") add_unique({c.name}, arg(m, 0));
      else if (m.name == "index") add_index({c.name}, arg(m, 0), arg(m, 1));
      else if (m.name == "references") foreign = true;
      else if (m.name == "inTable" || m.name == "on" || m.name == "onDelete" || m.name == "onUpdate" || m.name == "withKeyName") continue;
      else if (m.name != "unsigned" && m.name != "comment" && m.name != "collate" && m.name != "first" && m.name != "after")
        throw NotLiteral{"uses ." + m.name + "(), which pgguard does not translate"};
    }
    columns_.push_back(c);
    if (foreign) foreign_key({c.name}, nullptr, modifiers);
  }

  // .references('id').inTable('users') or .references('users.id'), then .onDelete()/.onUpdate().
  void foreign_key(const std::vector<std::string>& columns, const Value* key_name, const std::vector<Link>& modifiers) {
    std::string references, table, on_delete, on_update;
    for (const auto& m : modifiers) {
      if (m.name == "references") references = need_string(arg(m, 0), "the referenced column");
      else if (m.name == "inTable" || m.name == "on") table = need_string(arg(m, 0), "the referenced table");
      else if (m.name == "onDelete") on_delete = " on delete " + need_string(arg(m, 0), "an ON DELETE action");
      else if (m.name == "onUpdate") on_update = " on update " + need_string(arg(m, 0), "an ON UPDATE action");
      else if (m.name == "withKeyName") key_name = arg(m, 0);
    }
    if (table.empty() && references.find('.') != std::string::npos) {
      table = references.substr(0, references.rfind('.'));
      references = references.substr(references.rfind('.') + 1);
    }
    if (table.empty() || references.empty()) throw NotLiteral{"has a foreign key without a literal referenced table and column"};
    after_.emplace_back(at_, "alter table " + quoted_table() + " add constraint " + quote_ident(name_or_default(key_name, columns, "foreign")) +
                     " foreign key (" + quote_idents(columns) + ") references " + quote_ident(table) + " (" + quote_ident(references) +
                     ")" + on_update + on_delete);
  }

  void add_unique(const std::vector<std::string>& columns, const Value* name) {
    after_.emplace_back(at_, "alter table " + quoted_table() + " add constraint " + quote_ident(name_or_default(name, columns, "unique")) +
                     " unique (" + quote_idents(columns) + ")");
  }

  void add_index(const std::vector<std::string>& columns, const Value* name, const Value* options) {
    std::string unique, method;
    if (options && options->is(Value::Kind::String)) method = " using " + options->text;
    if (options && options->is(Value::Kind::Object)) {
      if (options->field("predicate")) throw NotLiteral{"has an index predicate built at run time"};
      if (const Value* type = options->field("indexType"); type && to_lower(need_string(type, "an index type")) == "unique") unique = " unique";
      if (const Value* engine = options->field("storageEngineIndexType")) method = " using " + need_string(engine, "an index method");
    }
    after_.emplace_back(at_, "create" + unique + " index " + quote_ident(name_or_default(name, columns, "index")) + " on " + quoted_table() + method +
                     " (" + quote_idents(columns) + ")");
  }

  void table_method(const Link& call) {
    const std::string& m = call.name;
    std::string alter = "alter table " + quoted_table();
    if (m == "index") {
      add_index(need_strings(arg(call, 0), "an index column"), arg(call, 1), arg(call, 2));
    } else if (m == "unique") {
      add_unique(need_strings(arg(call, 0), "a unique column"), arg(call, 1));
    } else if (m == "primary") {
      set_primary(need_strings(arg(call, 0), "a primary key column"));
    } else if (m == "dropColumn" || m == "dropColumns") {
      std::vector<std::string> drops;
      for (const auto& a : call.args) drops.push_back("drop column " + quote_ident(need_string(&a, "a column name")));
      if (drops.empty()) throw NotLiteral{"names no column"};
      after_.emplace_back(at_, alter + " " + join(drops, ", "));
    } else if (m == "renameColumn") {
      after_.emplace_back(at_, alter + " rename " + quote_ident(need_string(arg(call, 0), "a column name")) + " to " +
                       quote_ident(need_string(arg(call, 1), "a column name")));
    } else if (m == "foreign") {
      need_strings(arg(call, 0), "a foreign key column");  // the SQL comes with .references()
    } else if (m == "dropIndex") {
      after_.emplace_back(at_, "drop index " + quote_ident(name_or_default(arg(call, 1), need_strings(arg(call, 0), "an index column"), "index")));
    } else if (m == "dropUnique" || m == "dropForeign") {
      std::string type = m == "dropUnique" ? "unique" : "foreign";
      after_.emplace_back(at_, alter + " drop constraint " + quote_ident(name_or_default(arg(call, 1), need_strings(arg(call, 0), "a column"), type)));
    } else if (m == "dropPrimary") {
      after_.emplace_back(at_, alter + " drop constraint " + quote_ident(arg(call, 0) ? need_string(arg(call, 0), "a constraint name") : table_ + "_pkey"));
    } else if (m == "timestamps") {
      timestamps(call);
    } else if (m == "dropTimestamps") {
      after_.emplace_back(at_, alter + " drop column \"created_at\", drop column \"updated_at\"");
    } else {
      throw NotLiteral{"uses ." + m + "(), which pgguard does not translate"};
    }
  }

  // lib/schema/tablebuilder.js timestamps(useTimestamps, defaultToNow, useCamelCase).
  void timestamps(const Link& call) {
    bool now = is_true(arg(call, 1));
    bool camel = is_true(arg(call, 2));
    for (const char* name : {"created_at", "updated_at"}) {
      Column c;
      c.offset = at_;
      c.name = camel ? (std::string(name) == "created_at" ? "createdAt" : "updatedAt") : name;
      c.type = "timestamptz";
      if (now) {
        c.nullability = "not null";
        c.default_sql = "CURRENT_TIMESTAMP";
      }
      columns_.push_back(c);
    }
  }
};

void table_callback(const std::string& table, const std::string& create, const Value* callback, const std::string& call, Output& out, size_t offset) {
  TableCompiler compiler(table, create, offset);
  if (callback) {
    if (!callback->is(Value::Kind::Function) || callback->opaque_body) throw NotLiteral{"has a table callback pgguard cannot read"};
    for (const auto& statement : callback->body) {
      if (!statement.is(Value::Kind::Chain) || statement.links.empty() || statement.links[0].name != callback->param)
        throw NotLiteral{"has a table callback statement that is not a call on " + callback->param};
      compiler.statement(statement);
    }
  }
  for (auto& statement : compiler.sql(call)) {
    statement.call_offset = offset;
    out.statements.push_back(std::move(statement));
  }
}

void schema_call(const Link& link, const std::string& call, Output& out) {
  const std::string& m = link.name;
  if (m == "createTable" || m == "createTableIfNotExists" || m == "alterTable" || m == "table") {
    std::string table = need_string(arg(link, 0), "a table name");
    std::string create = m == "createTable" ? "create table" : m == "createTableIfNotExists" ? "create table if not exists" : "";
    table_callback(table, create, arg(link, 1), call, out, link.offset);
  } else if (m == "dropTable" || m == "dropTableIfExists") {
    std::string exists = m == "dropTableIfExists" ? "if exists " : "";
    out.statements.push_back({link.offset, "drop table " + exists + quote_ident(need_string(arg(link, 0), "a table name")), call});
  } else if (m == "renameTable") {
    out.statements.push_back({link.offset, "alter table " + quote_ident(need_string(arg(link, 0), "a table name")) + " rename to " +
                                               quote_ident(need_string(arg(link, 1), "a table name")), call});
  } else if (m != "raw" && m != "hasTable" && m != "hasColumn" && m != "then" && m != "catch") {
    throw NotLiteral{"is a schema call pgguard does not translate"};
  }
}

}  // namespace

void translate_knex(const std::string& text, Output& out) {
  static const RE2 call(R"(\b\w+\.schema\s*\.\s*(\w+)\s*\()");
  out.raw_call = "knex.raw('...')";
  for_each_call(text, call, Language::JavaScript, out, [](const Value& chain, Output& o) {
    bool after_schema = false;
    for (const auto& link : chain.links) {
      if (after_schema && link.called) {
        if (link.name == "then" || link.name == "catch") break;
        if (link.name == "withSchema") throw NotLiteral{"uses withSchema(), which pgguard does not translate"};
        schema_call(link, "knex.schema." + link.name, o);
      }
      after_schema = after_schema || link.name == "schema";
    }
  });
}

}  // namespace pgguard::lint::builders
