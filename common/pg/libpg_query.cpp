#include "pg/libpg_query.h"

namespace pgguard::pg {
namespace {

std::string message(const PgQueryError* error) {
  if (!error) return "";
  return error->message ? error->message : "syntax error";
}

std::string wrap_in_function(const std::string& body) {
  std::string tag = "$pgguard$";
  for (int i = 0; body.find(tag) != std::string::npos && i < 100; ++i) tag = "$pgguard" + std::to_string(i) + "$";
  return "CREATE FUNCTION pgguard_body() RETURNS void LANGUAGE plpgsql AS " + tag + body + tag;
}

}  // namespace

std::string ParseResult::error() const { return message(result_.error); }

PlpgsqlParseResult::PlpgsqlParseResult(const std::string& body)
    : result_(pg_query_parse_plpgsql(wrap_in_function(body).c_str())) {}

std::string PlpgsqlParseResult::error() const { return message(result_.error); }

std::vector<Token> scan(const std::string& sql) {
  std::vector<Token> tokens;
  PgQueryScanResult result = pg_query_scan(sql.c_str());
  if (!result.error) {
    PgQuery__ScanResult* scanned =
        pg_query__scan_result__unpack(nullptr, result.pbuf.len, reinterpret_cast<const uint8_t*>(result.pbuf.data));
    if (scanned) {
      tokens.reserve(scanned->n_tokens);
      for (size_t i = 0; i < scanned->n_tokens; ++i) {
        const PgQuery__ScanToken& t = *scanned->tokens[i];
        if (t.start < 0 || t.end < t.start || static_cast<size_t>(t.end) > sql.size()) continue;
        tokens.push_back({static_cast<int>(t.token), static_cast<size_t>(t.start), static_cast<size_t>(t.end)});
      }
      pg_query__scan_result__free_unpacked(scanned, nullptr);
    }
  }
  pg_query_free_scan_result(result);
  return tokens;
}

}  // namespace pgguard::pg
