#include <array>
#include <set>

#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

// The identifier a scanned token spells: quotes removed and "" unescaped.
std::string identifier(const std::string& token) {
  if (token.size() < 2 || token.front() != '"') return token;
  std::string out;
  for (size_t i = 1; i + 1 < token.size(); ++i) {
    out += token[i];
    if (token[i] == '"' && token[i + 1] == '"') ++i;
  }
  return out;
}

// Whether the text has room for an identifier over 63 bytes: a run of identifier characters that
// long, or quotes that far apart (doubled quotes inside a quoted name skipped). Most statements
// have neither, and scanning them would cost as much as parsing them again.
bool may_hold_long_identifier(const std::string& sql) {
  static constexpr auto kWordByte = [] {  // a table, not isalnum(): this loop reads every statement
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c)
      t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' || c >= 0x80;
    return t;
  }();
  size_t run = 0, last_quote = std::string::npos;
  for (size_t i = 0; i < sql.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(sql[i]);
    run = kWordByte[ch] ? run + 1 : 0;
    if (run > kMaxIdentifierBytes) return true;
    if (ch != '"') continue;
    if (i + 1 < sql.size() && sql[i + 1] == '"') {  // "" stands for one quote inside a quoted name
      ++i;
      continue;
    }
    if (last_quote != std::string::npos && i - last_quote > kMaxIdentifierBytes - 8) return true;  // slack for escapes
    last_quote = i;
  }
  return false;
}

// The parse tree already holds truncated names (the scanner cuts them with only a NOTICE), so the
// statement text is scanned again for identifier tokens.
std::vector<std::string> long_identifiers(const std::string& sql) {
  std::vector<std::string> found;
  if (!may_hold_long_identifier(sql)) return found;
  std::set<std::string> seen;
  for (const convention::Token& token : convention::scan_tokens(sql)) {
    if (token.kind != PG_QUERY__TOKEN__IDENT) continue;
    std::string name = identifier(sql.substr(token.start, token.end - token.start));
    if (name.size() > kMaxIdentifierBytes && seen.insert(name).second) found.push_back(name);
  }
  return found;
}

class IdentifierTooLong : public LintRule {
 public:
  std::string_view id() const override { return "identifier-too-long"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    for (const auto& name : long_identifiers(c.statement.text)) {
      std::string stored = truncate_identifier(name);
      out.push_back({"The identifier " + name + " is " + std::to_string(name.size()) +
                         " bytes; PostgreSQL silently truncates names to 63 bytes and stores " + stored +
                         ", so tools that compare names see a different one, and names sharing those 63 bytes collide.",
                     "-- use a name of at most 63 bytes instead of " + name + " (PostgreSQL would store " + stored + ")", 0, ""});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_identifier_too_long() { return std::make_unique<IdentifierTooLong>(); }

}  // namespace pgguard::lint
