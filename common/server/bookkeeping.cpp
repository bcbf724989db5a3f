#include "server/bookkeeping.h"

#include <algorithm>
#include <map>
#include <set>

#include "lint/tools.h"

namespace pgguard::server {
namespace {

std::string quoted_table(Connection& connection, const std::string& table) {
  size_t dot = table.find('.');
  if (dot == std::string::npos) return connection.quote_identifier(table);
  return connection.quote_identifier(table.substr(0, dot)) + "." + connection.quote_identifier(table.substr(dot + 1));
}

// Digits compare as numbers: versions are stored as text, bigint or timestamps.
bool version_less_or_equal(const std::string& a, const std::string& b) {
  return a.size() != b.size() ? a.size() < b.size() : a <= b;
}

}  // namespace

void read_applied(std::vector<lint::MigrationInfo>& migrations, Connection& connection) {
  std::map<lint::Tool, std::optional<std::set<std::string>>> recorded;  // per tool: the keys in its table
  for (auto& m : migrations) {
    const lint::ToolRecord& record = lint::tool_record(m.tool);
    if (record.bookkeeping_table.empty() || record.bookkeeping_match.empty() || m.bookkeeping_name.empty() || m.direction == "down")
      continue;
    auto it = recorded.find(m.tool);
    if (it == recorded.end()) {
      std::optional<std::set<std::string>> keys;
      QueryResult r = connection.exec("SELECT " + connection.quote_identifier(record.bookkeeping_key) + "::text FROM " +
                                      quoted_table(connection, record.bookkeeping_table));
      if (r.ok()) {
        keys.emplace();
        for (const auto& row : r.rows) keys->insert(row.empty() ? "" : row[0]);
      } else if (r.sqlstate == "42P01" || r.sqlstate == "3F000") {
        keys.emplace();  // no bookkeeping table (or schema) yet: nothing applied
      }
      it = recorded.emplace(m.tool, std::move(keys)).first;
    }
    if (!it->second) continue;
    const auto& keys = *it->second;
    const std::string& match = record.bookkeeping_match;
    if (match == "journal" || match == "max-version") {
      // drizzle applies what is newer than its newest record; golang-migrate keeps one version row.
      bool applied = false;
      for (const auto& key : keys) applied = applied || version_less_or_equal(m.bookkeeping_name, lint::version_digits(key));
      m.applied = applied;
    } else if (match == "version") {
      m.applied = std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return lint::version_digits(k) == m.bookkeeping_name; });
    } else {
      m.applied = keys.count(m.bookkeeping_name) > 0;
    }
  }
}

}  // namespace pgguard::server
