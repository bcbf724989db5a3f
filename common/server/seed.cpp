#include "server/seed.h"

#include <functional>
#include <map>
#include <set>

#include "util/text.h"

namespace pgguard::server {
namespace {

struct SeedColumn {
  std::string name, type, category, references;  // references: "parent" for a single-column foreign key
  bool not_null = false, skip = false;
};

// The value of row `i` (a SQL expression in i) for a column of `type`; "" when there is none.
std::string value_for(const SeedColumn& c, const std::string& i) {
  const std::string& t = c.type;
  if (c.category == "A") return "'{}'::" + t;
  if (c.category == "E") return "(enum_range(NULL::" + t + "))[1 + (" + i + ") % array_length(enum_range(NULL::" + t + "), 1)]";
  if (t == "smallint") return "((" + i + ") % 32767)::smallint";
  if (c.category == "N") return "(" + i + ")::" + t;
  if (c.category == "S") return "('v' || (" + i + "))::" + t;
  if (c.category == "B") return "((" + i + ") % 2 = 0)";
  if (c.category == "D") return "(timestamp '2024-01-01' + (" + i + ") * interval '1 second')::" + t;
  if (c.category == "T") return "((" + i + ") * interval '1 second')";
  if (t == "uuid") return "md5((" + i + ")::text)::uuid";
  if (t == "json" || t == "jsonb") return "json_build_object('i', " + i + ")::" + t;
  if (t == "bytea") return "decode(md5((" + i + ")::text), 'hex')";
  if (c.category == "I") return "('10.0.0.0'::inet + (" + i + "))::" + t;
  return "";
}

}  // namespace

std::vector<std::string> seed_tables(Connection& conn, long long rows, int null_percent) {
  std::vector<std::string> notes;
  if (rows <= 0) return notes;
  // Tables in creation order, skipping partitions (their parent routes rows to them) and tables with rows.
  QueryResult tables = conn.run(
      "SELECT c.oid::text, c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
      "AND n.nspname NOT LIKE 'pg\\_%' ORDER BY c.oid");
  QueryResult columns = conn.run(
      "SELECT a.attrelid::text, quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), t.typcategory, a.attnotnull, "
      "a.attidentity <> '' OR a.attgenerated <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%', "
      "coalesce((SELECT k.confrelid::text FROM pg_constraint k WHERE k.conrelid = a.attrelid AND k.contype = 'f' "
      "AND k.conkey = ARRAY[a.attnum] LIMIT 1), '') "
      "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
      "WHERE a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum");
  std::map<std::string, std::vector<SeedColumn>> by_table;
  for (const auto& r : columns.rows) by_table[r[0]].push_back({r[1], r[2], r[3], r[6], r[4] == "t", r[5] == "t"});

  // Parents before children, so a child's keys exist when it is filled.
  std::vector<std::pair<std::string, std::string>> order;
  std::set<std::string> placed;
  std::map<std::string, std::string> names;
  for (const auto& r : tables.rows) names[r[0]] = r[1];
  std::function<void(const std::string&, int)> place = [&](const std::string& oid, int depth) {
    if (placed.count(oid) || !names.count(oid) || depth > 64) return;
    placed.insert(oid);
    for (const auto& c : by_table[oid])
      if (!c.references.empty() && c.references != oid) place(c.references, depth + 1);
    order.push_back({oid, names[oid]});
  };
  for (const auto& r : tables.rows) place(r[0], 0);

  // Foreign keys are checked by triggers; with them off, a table's own references never block it.
  conn.exec("SET session_replication_role = replica");
  const std::string modulo = "(((g.i - 1) % " + std::to_string(rows) + ") + 1)";
  std::vector<std::string> seeded;
  for (const auto& [oid, name] : order) {
    if (conn.value("SELECT count(*) FROM (SELECT 1 FROM " + name + " LIMIT 1) s") != "0") continue;
    std::vector<std::string> names_out, values;
    std::string missing;
    for (const auto& c : by_table[oid]) {
      if (c.skip) continue;
      std::string value = value_for(c, c.references.empty() ? "g.i" : modulo);
      if (value.empty()) {
        if (c.not_null) missing = c.name + " (" + c.type + ")";
        continue;
      }
      if (!c.not_null && null_percent > 0)
        value = "CASE WHEN g.i % 100 < " + std::to_string(null_percent) + " THEN NULL ELSE " + value + " END";
      names_out.push_back(c.name);
      values.push_back(value);
    }
    if (!missing.empty()) {
      notes.push_back("not seeded: " + name + ": no synthetic value for the NOT NULL column " + missing);
      continue;
    }
    std::string insert = "INSERT INTO " + name + (names_out.empty() ? "" : " (" + join(names_out, ", ") + ")") + " SELECT " +
                         join(values, ", ") + " FROM generate_series(1, " + std::to_string(rows) + ") g(i)";
    QueryResult r = conn.exec(insert);
    if (!r.ok()) {
      notes.push_back("not seeded: " + name + ": " + r.error);
      continue;
    }
    conn.exec("ANALYZE " + name);
    seeded.push_back(name);
  }
  conn.exec("RESET session_replication_role");
  notes.insert(notes.begin(), "seeded " + std::to_string(rows) + " rows into each of " + std::to_string(seeded.size()) + " table(s)" +
                                  (seeded.empty() ? "" : " (" + join(seeded, ", ") + ")") + ", nullable columns NULL in " +
                                  std::to_string(null_percent) + "% of them");
  return notes;
}

}  // namespace pgguard::server
