#pragma once
// What the per-tool translators share: reading literal arguments and collecting statements.
#include <re2/re2.h>

#include <functional>
#include <string>
#include <vector>

#include "lint/builders/reader.h"

namespace pgguard::lint::builders {

// Thrown while translating a call whose argument is not a literal; `what` names that argument.
struct NotLiteral {
  std::string what;
};

// The statements translated from a file's builder calls, each at the offset of its call.
struct Output {
  struct Statement {
    size_t offset;  // of the call, or of the builder statement inside it the SQL comes from
    std::string sql;
    std::string call;
    size_t call_offset = std::string::npos;  // the call's, when `offset` is inside it: statements keep the call's order
  };
  struct Unlintable {
    size_t offset;
    std::string call;
    std::string what;  // "the table name is not a literal", "pgguard does not translate it"
  };
  std::vector<Statement> statements;
  std::vector<Unlintable> unlintable;
  std::string raw_call;  // the tool's raw-SQL call, named in the advice for unlintable calls
};

// Finds each call whose start matches `pattern` (one group: the method name), reads it, and hands
// the chain to `translate`; NotLiteral becomes an unlintable call.
void for_each_call(const std::string& text, const RE2& pattern, Language language, Output& out,
                   const std::function<void(const Value& chain, Output& out)>& translate);
// The same for `root.method(...)` calls (pgm, queryInterface, queryRunner, op): `translate` gets the method's link.
void for_each_method_call(const std::string& text, const RE2& pattern, Language language, Output& out,
                          void (*translate)(const Link& call, Output& out));

// Literal arguments; each throws NotLiteral naming `what` when the value is missing or not literal.
const std::string& need_string(const Value* v, const std::string& what);
const std::string& need_scalar(const Value* v, const std::string& what);  // a string or a number
std::vector<std::string> need_strings(const Value* v, const std::string& what);  // a string or an array of them
const Value& need_object(const Value* v, const std::string& what);
const Value* arg(const Link& link, size_t index);
const Value* keyword(const Link& link, const std::string& name);
bool is_true(const Value* v);
// The value of a JS literal as SQL: 'text' (quotes doubled), numbers, true/false, NULL.
std::string sql_literal(const Value& v, const std::string& what);
std::string quote_string(const std::string& s);
std::string upper(const std::string& s);
std::string quote_ident(const std::string& name);  // always "name"
std::string quote_idents(const std::vector<std::string>& names, const std::string& separator = ", ");
// The link named `name` in a chain, or nullptr.
const Link* link_named(const Value& chain, const std::string& name);

void translate_node_pg_migrate(const std::string& text, Output& out);
void translate_knex(const std::string& text, Output& out);
void translate_sequelize(const std::string& text, Output& out);
void translate_typeorm(const std::string& text, Output& out);
void translate_alembic(const std::string& text, Output& out);

}  // namespace pgguard::lint::builders
