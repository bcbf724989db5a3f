#pragma once
#include <string>
#include <string_view>

namespace pgguard::pg {

// Names the MySQL syntax in SQL PostgreSQL rejected ("backtick-quoted identifiers", ...); empty when
// none. Only code counts: comments, string literals, dollar-quoted bodies and quoted identifiers are
// skipped.
std::string describe_mysqlisms(std::string_view sql);

}  // namespace pgguard::pg
