#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "shell/ast.h"

namespace pgguard::shell {

// Bash brace expansion of one word, done before any other expansion: `'DROP TABLE '{users,orders}`
// is two words, `t_{1..3}` three. Only unquoted literal braces expand. A word that would give more
// than max_words words is one word whose only part is Unexpanded (its value is not known).
std::vector<Word> expand_braces(const Word& word, size_t max_words = 128);

// Bash field splitting of an unquoted expansion's value on the characters of IFS: runs of IFS white
// space separate fields and are trimmed at the ends; each other IFS character ends a field (two in a
// row leave an empty one). An empty IFS does not split.
std::vector<std::string> split_fields(std::string_view value, std::string_view ifs);

}  // namespace pgguard::shell
