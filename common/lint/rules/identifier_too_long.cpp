#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <set>

#include "lint/rule.h"

namespace pgguard::lint {
namespace {

constexpr size_t kMaxBytes = 63;  // NAMEDATALEN - 1

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

// The first 63 bytes without cutting a UTF-8 character, as PostgreSQL truncates.
std::string truncated(const std::string& name) {
  size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  return name.substr(0, cut);
}

// The parse tree already holds truncated names (the scanner cuts them with only a NOTICE), so the
// statement text is scanned again for identifier tokens.
std::vector<std::string> long_identifiers(const std::string& sql) {
  std::vector<std::string> found;
  std::set<std::string> seen;
  PgQueryScanResult result = pg_query_scan(sql.c_str());
  if (!result.error) {
    PgQuery__ScanResult* scan =
        pg_query__scan_result__unpack(nullptr, result.pbuf.len, reinterpret_cast<const uint8_t*>(result.pbuf.data));
    if (scan) {
      for (size_t i = 0; i < scan->n_tokens; ++i) {
        const PgQuery__ScanToken* token = scan->tokens[i];
        if (token->token != PG_QUERY__TOKEN__IDENT) continue;
        std::string name = identifier(sql.substr(static_cast<size_t>(token->start), static_cast<size_t>(token->end - token->start)));
        if (name.size() > kMaxBytes && seen.insert(name).second) found.push_back(name);
      }
      pg_query__scan_result__free_unpacked(scan, nullptr);
    }
  }
  pg_query_free_scan_result(result);
  return found;
}

class IdentifierTooLong : public LintRule {
 public:
  std::string_view id() const override { return "identifier-too-long"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    for (const auto& name : long_identifiers(c.statement.text)) {
      std::string stored = truncated(name);
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
