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

// The text with every hardcoded password replaced by ***.
std::string redact(std::string_view text);

}  // namespace pgguard
