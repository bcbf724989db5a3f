#include "sql/mysqlisms.h"

#include <re2/re2.h>

#include <memory>
#include <vector>

namespace pgguard::sql {

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
  std::string found;
  re2::StringPiece text(sql.data(), sql.size());
  for (size_t i = 0; i < compiled.size(); ++i) {
    if (!RE2::PartialMatch(text, *compiled[i])) continue;
    if (!found.empty()) found += "; ";
    found += kPatterns[i].description;
  }
  return found;
}

}  // namespace pgguard::sql
