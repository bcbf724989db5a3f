#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace pgguard {

struct SecretFinding {
  std::string kind;      // "URL password", "PGPASSWORD", "password= setting"
  std::string redacted;  // the surrounding text with the secret replaced by ***
};

// Hardcoded PostgreSQL passwords in shell or file text: URL userinfo, PGPASSWORD=literal,
// password=literal (conninfo, query string, -password= flags). References ($VAR, $(...)) are
// not hardcoded.
std::vector<SecretFinding> find_secrets(std::string_view text);

// The text as it may be shown (reasons, explain, the audit log): every hardcoded password and every
// password written into SQL (ALTER ROLE ... PASSWORD '...', OPTIONS (password '...'), crypt('...'))
// replaced by ***, and the placeholders the guard substitutes for unknown text named <unknown>.
// The passwords of `context` (the statement a message is about) are hidden in the text too.
std::string redact(std::string_view text, std::string_view context = {});

}  // namespace pgguard
