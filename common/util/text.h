#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace pgguard {

std::string to_lower(std::string_view s);
std::string trim(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
bool contains_ci(std::string_view haystack, std::string_view needle);
std::vector<std::string> split_lines(std::string_view s);
// How many leading spaces and tabs a line has (its length when it is blank).
size_t indentation(std::string_view line);
// The words of s, split on white space (no quoting).
std::vector<std::string> split_words(std::string_view s);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
// Collapses whitespace and cuts to max_chars (adding "...") for quoting in reasons.
std::string shorten(std::string_view s, size_t max_chars = 160);
bool is_valid_utf8(std::string_view s);
// The last path component: "/usr/bin/psql" -> "psql".
std::string base_name(std::string_view path);
std::string shell_quote(std::string_view s);

}  // namespace pgguard
