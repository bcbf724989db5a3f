#include "pg/split.h"

#include <pg_query.h>

#include <cctype>

namespace pgguard::pg {
namespace {

bool meaningful(const std::string& text, size_t begin, size_t end) {
  size_t i = begin;
  while (i < end) {
    char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c)) || c == ';') {
      ++i;
    } else if (text.compare(i, 2, "--") == 0) {
      size_t eol = text.find('\n', i);
      i = eol == std::string::npos || eol > end ? end : eol;
    } else if (text.compare(i, 2, "/*") == 0) {
      size_t close = text.find("*/", i + 2);
      i = close == std::string::npos || close + 2 > end ? end : close + 2;
    } else {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> split_statements(const std::string& text, std::string& error) {
  std::vector<std::pair<size_t, size_t>> ranges;
  PgQuerySplitResult split = pg_query_split_with_scanner(text.c_str());
  if (split.error) {
    error = split.error->message ? split.error->message : "syntax error";
    pg_query_free_split_result(split);
    return ranges;
  }
  size_t cursor = 0;
  for (int i = 0; i < split.n_stmts; ++i) {
    size_t begin = static_cast<size_t>(split.stmts[i]->stmt_location);
    size_t length = static_cast<size_t>(split.stmts[i]->stmt_len);
    size_t end = length == 0 ? text.size() : begin + length;
    if (begin > cursor && meaningful(text, cursor, begin)) ranges.push_back({cursor, begin});
    ranges.push_back({begin, end});
    cursor = end;
  }
  if (cursor < text.size() && meaningful(text, cursor, text.size())) ranges.push_back({cursor, text.size()});
  pg_query_free_split_result(split);
  return ranges;
}

}  // namespace pgguard::pg
