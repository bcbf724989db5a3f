#pragma once
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>  // PG_QUERY__TOKEN__* token kinds

#include <string>
#include <vector>

namespace pgguard::pg {

// One call of libpg_query's parser; the result lives as long as the object.
class ParseResult {
 public:
  explicit ParseResult(const std::string& sql) : result_(pg_query_parse(sql.c_str())) {}
  ~ParseResult() { pg_query_free_parse_result(result_); }
  ParseResult(const ParseResult&) = delete;
  ParseResult& operator=(const ParseResult&) = delete;

  bool ok() const { return result_.error == nullptr; }
  // The tree as JSON, meaningless unless ok(); Tree::parse reads it in place, so once.
  char* json() { return result_.parse_tree; }
  std::string error() const;                               // libpg_query's message; "" when ok()
  int cursor() const { return result_.error ? result_.error->cursorpos : 0; }  // 1-based; 0 when unknown

 private:
  PgQueryParseResult result_;
};

// libpg_query's PL/pgSQL parser on a function or DO block body. It parses whole CREATE FUNCTION
// statements only, so the body is wrapped in one under a dollar-quote tag the body does not hold.
class PlpgsqlParseResult {
 public:
  explicit PlpgsqlParseResult(const std::string& body);
  ~PlpgsqlParseResult() { pg_query_free_plpgsql_parse_result(result_); }
  PlpgsqlParseResult(const PlpgsqlParseResult&) = delete;
  PlpgsqlParseResult& operator=(const PlpgsqlParseResult&) = delete;

  bool ok() const { return result_.error == nullptr; }
  char* json() { return result_.plpgsql_funcs; }  // the functions as JSON, when ok(); as ParseResult::json
  std::string error() const;

 private:
  PgQueryPlpgsqlParseResult result_;
};

struct Token {
  int kind = 0;  // PG_QUERY__TOKEN__*, or the character itself for one-character tokens
  size_t start = 0;
  size_t end = 0;
  bool comment() const { return kind == PG_QUERY__TOKEN__SQL_COMMENT || kind == PG_QUERY__TOKEN__C_COMMENT; }
};

// Every token of `sql` as PostgreSQL's scanner reads it, comments included; empty when the text
// does not scan (an unterminated quote or comment).
std::vector<Token> scan(const std::string& sql);

}  // namespace pgguard::pg
