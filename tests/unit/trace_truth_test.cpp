// What trace shows must be what the server did: locks an earlier statement of the transaction still
// holds, an index whose storage ALTER COLUMN TYPE kept, seeded rows with NULLs where columns allow
// them, and a directory traced in its tool's order on one server.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/temp_project.h"
#include "util/subprocess.h"

using nlohmann::json;
using namespace pgguard;

namespace {

using Project = testing::TempProject;

ProcessResult run_pgguard(const Project& p, const std::vector<std::string>& args) {
  std::map<std::string, std::string> env{{"PATH", "/usr/bin:/bin"}, {"HOME", p.root}, {"TMPDIR", p.root}};
  if (const char* bin = getenv("PGGUARD_PG_BIN")) env["PGGUARD_PG_BIN"] = bin;
  return run_process(PGGUARD_CLI, args, "", env, p.root, 180000);
}

json trace_json(const Project& p, std::vector<std::string> args) {
  args.insert(args.begin(), "trace");
  args.insert(args.end(), {"--format", "json"});
  ProcessResult r = run_pgguard(p, args);
  INFO(r.err);
  REQUIRE(r.exit_code >= 0);
  REQUIRE(r.exit_code <= 1);
  return json::parse(r.out);
}

std::string mode_on(const json& locks, const std::string& relation) {
  for (const auto& l : locks)
    if (l["relation"] == relation) return l["mode"];
  return "none";
}

constexpr const char* kInit = "CREATE TABLE orders (id int PRIMARY KEY, name varchar(20), qty int, note text);\n"
                              "CREATE INDEX orders_name ON orders (name);\nCREATE INDEX orders_qty ON orders (qty);\n";

}  // namespace

TEST_CASE("trace shows the locks still held from earlier in the transaction apart from those a statement takes", "[server][trace]") {
  Project p;
  p.write("db/migrations/001_init.sql", kInit);
  p.write("db/migrations/002_unique.sql",
          "BEGIN;\nALTER TABLE orders ADD COLUMN extra int;\nALTER TABLE orders ADD CONSTRAINT orders_name_key UNIQUE (name);\nCOMMIT;\n");
  json t = trace_json(p, {"db/migrations/002_unique.sql"});
  INFO(t.dump(2));
  const json& unique = t["statements"][2];
  REQUIRE(unique["sql"].get<std::string>().rfind("ALTER TABLE orders ADD CONSTRAINT", 0) == 0);
  CHECK(mode_on(unique["locks"], "orders") == "SHARE");  // newly taken by the index build
  CHECK(mode_on(unique["held_locks"], "orders") == "ACCESS EXCLUSIVE");
  ProcessResult text = run_pgguard(p, {"trace", "db/migrations/002_unique.sql"});
  CHECK(text.out.find("    still held: ACCESS EXCLUSIVE on orders (taken earlier in the transaction)\n") != std::string::npos);
}

TEST_CASE("an index whose storage ALTER COLUMN TYPE keeps is not reported as rewritten", "[server][trace]") {
  Project p;
  p.write("db/migrations/001_init.sql", kInit);
  p.write("db/migrations/002_types.sql",
          "ALTER TABLE orders ALTER COLUMN name TYPE varchar(200);\nALTER TABLE orders ALTER COLUMN qty TYPE bigint;\n");
  json t = trace_json(p, {"db/migrations/002_types.sql", "--seed-rows", "50"});
  INFO(t.dump(2));
  REQUIRE(t["statements"].size() == 2);
  CHECK(t["statements"][0]["rewritten"].empty());  // orders_name: new OID, same relfilenode
  json rewritten = t["statements"][1]["rewritten"];
  CHECK(std::find(rewritten.begin(), rewritten.end(), "orders") != rewritten.end());
  CHECK(std::find(rewritten.begin(), rewritten.end(), "orders_qty") != rewritten.end());
}

TEST_CASE("seeded rows leave NULLs in nullable columns and the trace says how many rows went where", "[server][trace]") {
  Project p;
  p.write("db/migrations/001_init.sql", kInit);
  p.write("db/migrations/002_not_null.sql", "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;\n");
  json t = trace_json(p, {"db/migrations/002_not_null.sql", "--seed-rows", "200"});
  INFO(t.dump(2));
  CHECK(t["notes"][0] == "seeded 200 rows into each of 1 table(s) (orders), nullable columns NULL in 10% of them");
  CHECK(t["statements"][0]["error"].get<std::string>().find("contains null values") != std::string::npos);
  json clean = trace_json(p, {"db/migrations/002_not_null.sql", "--seed-rows", "200", "--seed-nulls", "0"});
  CHECK(clean["statements"][0]["error"].is_null());
  ProcessResult bad = run_pgguard(p, {"trace", "db/migrations/002_not_null.sql", "--seed-rows", "10", "--seed-nulls", "120"});
  CHECK(bad.exit_code == 2);
}

TEST_CASE("a directory is traced migration after migration in its tool's order on one server", "[server][trace]") {
  Project p;
  // golang-migrate: numbered up files, each with its down file, which is left out.
  p.write("migrations/000001_init.up.sql", kInit);
  p.write("migrations/000001_init.down.sql", "DROP TABLE orders;\n");
  p.write("migrations/000002_extra.up.sql", "ALTER TABLE orders ADD COLUMN extra int;\n");
  p.write("migrations/000002_extra.down.sql", "ALTER TABLE orders DROP COLUMN extra;\n");
  p.write("migrations/000010_index.up.sql", "CREATE INDEX orders_extra ON orders (extra);\n");
  p.write("migrations/000010_index.down.sql", "DROP INDEX orders_extra;\n");
  json t = trace_json(p, {"migrations"});
  INFO(t.dump(2));
  std::vector<std::string> files;
  for (const auto& s : t["statements"]) {
    CHECK(s["error"].is_null());
    if (files.empty() || files.back() != s["file"]) files.push_back(s["file"]);
  }
  CHECK(files == std::vector<std::string>{"migrations/000001_init.up.sql", "migrations/000002_extra.up.sql", "migrations/000010_index.up.sql"});
  ProcessResult empty = run_pgguard(p, {"trace", "nothing-here"});
  CHECK(empty.exit_code == 2);
}
