#include "pg/mysqlisms.h"

#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

#include "pg/libpg_query.h"

namespace pgguard::pg {
namespace {

// Whether a scanned token holds text rather than code: a comment, a string or dollar-quoted body,
// or a quoted identifier (a backtick may sit inside "odd`name").
bool quoted_or_comment(const Token& token, std::string_view sql) {
  switch (token.kind) {
    case PG_QUERY__TOKEN__SQL_COMMENT:
    case PG_QUERY__TOKEN__C_COMMENT:
    case PG_QUERY__TOKEN__SCONST:
    case PG_QUERY__TOKEN__USCONST:
    case PG_QUERY__TOKEN__BCONST:
    case PG_QUERY__TOKEN__XCONST:
    case PG_QUERY__TOKEN__UIDENT:
      return true;
    case PG_QUERY__TOKEN__IDENT:
      return sql[token.start] == '"';
    default:
      return false;
  }
}

// The SQL with comments, string literals and quoted identifiers blanked out, as PostgreSQL's
// scanner reads it; the SQL itself when it does not scan (an unterminated quote or comment).
std::string code_only(std::string_view sql) {
  std::string code(sql);
  for (const Token& token : scan(code)) {
    if (!quoted_or_comment(token, sql)) continue;
    for (size_t at = token.start; at < token.end; ++at)
      if (code[at] != '\n') code[at] = ' ';
  }
  return code;
}

}  // namespace

std::string describe_mysqlisms(std::string_view sql) {
  struct Pattern {
    const char* regex;
    const char* description;
  };
  static const Pattern kPatterns[] = {
      {"`", "backtick-quoted identifiers (use \"double quotes\")"},
      {"(?i)\\bAUTO_INCREMENT\\b", "AUTO_INCREMENT (use bigint GENERATED ALWAYS AS IDENTITY or uuid DEFAULT gen_random_uuid())"},
      {"(?i)\\bENGINE\\s*=", "ENGINE= (PostgreSQL has no storage engines; remove it)"},
      {"(?i)\\bUNSIGNED\\b", "UNSIGNED (use a CHECK (col >= 0) constraint)"},
      {"(?i)\\bMODIFY\\s+(COLUMN\\b)?", "MODIFY COLUMN (use ALTER COLUMN ... TYPE)"},
      {"(?i)\\bDATETIME\\b", "DATETIME (use timestamptz)"},
  };
  static const auto compiled = [] {
    std::vector<std::unique_ptr<RE2>> out;
    for (const auto& p : kPatterns) out.push_back(std::make_unique<RE2>(p.regex));
    return out;
  }();
  std::string code = code_only(sql);
  std::string found;
  for (size_t i = 0; i < compiled.size(); ++i) {
    if (!RE2::PartialMatch(code, *compiled[i])) continue;
    if (!found.empty()) found += "; ";
    found += kPatterns[i].description;
  }
  return found;
}

}  // namespace pgguard::pg
