#pragma once
#include <string>
#include <string_view>

#include "shell/ast.h"

namespace pgguard::shell {

struct ParseResult {
  ScriptPtr script;   // always set; holds what was parsed before an error
  std::string error;  // empty when the whole source parsed
};

// Parses a bash command line: lists, pipelines, compound commands, quoting, expansions,
// redirections and heredocs. Nesting deeper than max_depth is an error.
ParseResult parse(std::string_view source, int max_depth = 24);

// Parses text as the inside of a double-quoted string (heredoc bodies with an unquoted delimiter).
Word parse_double_quoted(std::string_view text, int max_depth = 24);

}  // namespace pgguard::shell
