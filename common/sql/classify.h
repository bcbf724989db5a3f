#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "util/budget.h"

namespace pgguard::sql {

// What executing a statement does. One statement can have several facts (a SELECT that calls
// pg_terminate_backend and holds a DELETE in a CTE).
enum class FactKind {
  Read,             // reads only
  BoundedWrite,     // INSERT, UPDATE/DELETE with a real predicate, COPY FROM STDIN, MERGE
  UnboundedWrite,   // UPDATE/DELETE without a predicate or with a constant-true one
  SchemaChange,     // DDL, GRANT, COMMENT, SELECT INTO, ...
  Destructive,      // DROP TABLE/SCHEMA/DATABASE/OWNED/COLUMN, CASCADE, TRUNCATE
  ShellEscape,      // COPY ... PROGRAM, COPY to/from server files
  SideEffect,       // pg_terminate_backend(), set_config(), ...
  Maintenance,      // VACUUM FULL, CLUSTER, REINDEX, REFRESH MATERIALIZED VIEW, LOCK
  Opaque,           // EXECUTE of a non-literal, DO in another language
  ParseError,       // PostgreSQL would reject it
};

struct Fact {
  FactKind kind;
  std::string what;  // e.g. "DROP TABLE orders", "DELETE FROM users without WHERE"
};

struct Statement {
  std::string text;  // the statement as written
  int line = 1;      // 1-based line of its first character
  std::vector<Fact> facts;
};

struct ClassifyOptions {
  std::vector<std::string> side_effect_functions;  // lower-case names
  // Side-effect functions that are only a pause when a statement runs them once with a literal
  // length, all such waits in the SQL adding up to at most max_wait_seconds.
  std::vector<std::string> short_wait_functions;
  double max_wait_seconds = 0;
  const Budget* budget = nullptr;
  int max_depth = 6;  // nested DO / EXECUTE levels
};

// Splits SQL into statements and classifies each with libpg_query.
std::vector<Statement> classify(std::string_view sql, const ClassifyOptions& options);

bool has_fact(const Statement& statement, FactKind kind);

}  // namespace pgguard::sql
