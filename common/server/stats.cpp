#include "server/stats.h"

#include <cstdlib>

namespace pgguard::server {

nlohmann::json collect_stats(Connection& conn) {
  conn.run("BEGIN READ ONLY");
  QueryResult tables = conn.run(
      "SELECT c.oid::text, n.nspname || '.' || c.relname, "
      "CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint ELSE coalesce(pg_stat_get_live_tuples(c.oid), 0) END, "
      "pg_table_size(c.oid), pg_indexes_size(c.oid) "
      "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'm') "
      "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 2");
  QueryResult indexes = conn.run(
      "SELECT i.indrelid::text, n.nspname || '.' || c.relname, pg_relation_size(c.oid) FROM pg_index i "
      "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'");
  conn.run("COMMIT");
  std::map<std::string, nlohmann::json> index_sizes;
  for (const auto& r : indexes.rows) index_sizes[r[0]][r[1]] = std::atoll(r[2].c_str());
  nlohmann::json out = {{"tables", nlohmann::json::object()}};
  for (const auto& r : tables.rows) {
    nlohmann::json table = {{"rows", std::atoll(r[2].c_str())}, {"bytes", std::atoll(r[3].c_str())}, {"index_bytes", std::atoll(r[4].c_str())}};
    table["indexes"] = index_sizes.count(r[0]) ? index_sizes[r[0]] : nlohmann::json::object();
    out["tables"][r[1]] = table;
  }
  return out;
}

}  // namespace pgguard::server
