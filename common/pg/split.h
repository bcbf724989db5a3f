#pragma once
#include <string>
#include <utility>
#include <vector>

namespace pgguard::pg {

// Statement ranges [begin, end) of SQL text. libpg_query's scanner-based splitter drops text it
// does not recognise as a statement start ("foo bar; DROP TABLE t" gives only the DROP), so every
// uncovered stretch that holds more than blanks, comments and semicolons is returned as a range
// of its own: PostgreSQL would reject it, and the caller must say so.
std::vector<std::pair<size_t, size_t>> split_statements(const std::string& text, std::string& error);

}  // namespace pgguard::pg
