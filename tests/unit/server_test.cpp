// The throwaway server and the commands that use it: trace (history, seed rows, errors, dumps,
// verification, a user's scratch database), verify-down, stats, and the failure modes: a server
// that cannot start, two servers at once, pgguard killed mid-run.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "lint/linter.h"
#include "server/catalog.h"
#include "server/cluster.h"
#include "server/connection.h"
#include "util/files.h"
#include "support/temp_project.h"
#include "util/subprocess.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace pgguard;

namespace {

// A project directory, also TMPDIR for the pgguard under test.
using Project = testing::TempProject;

std::map<std::string, std::string> environment(const Project& p) {
  std::map<std::string, std::string> env{{"PATH", "/usr/bin:/bin"}, {"HOME", p.root}, {"TMPDIR", p.root}};
  if (const char* bin = getenv("PGGUARD_PG_BIN")) env["PGGUARD_PG_BIN"] = bin;
  return env;
}

ProcessResult run_pgguard(const Project& p, const std::vector<std::string>& args, std::map<std::string, std::string> extra_env = {}) {
  auto env = environment(p);
  for (auto& [k, v] : extra_env) env[k] = v;
  return run_process(PGGUARD_CLI, args, "", env, p.root, 180000);
}

// A password on the command line is refused (exit 2), and the refusal does not echo it.
void check_refuses_password(const Project& p, const std::vector<std::string>& args, const std::string& secret) {
  ProcessResult refused = run_pgguard(p, args);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("password") != std::string::npos);
  CHECK(refused.err.find(secret) == std::string::npos);
}

json trace_json(const Project& p, std::vector<std::string> args) {
  args.insert(args.begin(), "trace");
  args.push_back("--format");
  args.push_back("json");
  ProcessResult r = run_pgguard(p, args);
  INFO(r.err);
  REQUIRE(r.exit_code >= 0);
  REQUIRE(r.exit_code <= 1);
  return json::parse(r.out);
}

const json& statement(const json& trace, const std::string& sql_start) {
  for (const auto& s : trace["statements"])
    if (s["sql"].get<std::string>().rfind(sql_start, 0) == 0) return s;
  FAIL("no traced statement starts with " << sql_start);
  static json none;
  return none;
}

bool has(const json& list, const std::string& value) {
  for (const auto& v : list)
    if (v == value) return true;
  return false;
}

std::string lock_on(const json& s, const std::string& relation) {
  for (const auto& l : s["locks"])
    if (l["relation"] == relation) return l["mode"];
  return "none";
}

std::vector<std::string> cluster_dirs(const Project& p) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(p.root))
    if (entry.path().filename().string().rfind("pgguard-cluster-", 0) == 0) out.push_back(entry.path().string());
  return out;
}

constexpr const char* kHistory =
    "CREATE TABLE customers (id bigserial PRIMARY KEY, name text NOT NULL);\n"
    "CREATE TABLE orders (id uuid PRIMARY KEY, customer_id bigint, status text, amount numeric(10,2));\n";

// A throwaway server holding what `sql` creates.
std::unique_ptr<server::ThrowawayCluster> server_with(const std::string& sql) {
  auto cluster = server::ThrowawayCluster::start();
  server::Connection(cluster->conninfo()).run(sql);
  return cluster;
}

}  // namespace

TEST_CASE("a throwaway server starts on a private unix socket and leaves nothing behind", "[server]") {
  std::string directory;
  {
    auto cluster = server::ThrowawayCluster::start();
    directory = cluster->directory();
    server::Connection conn(cluster->conninfo());
    CHECK(conn.value("SHOW listen_addresses") == "");
    CHECK(conn.value("SHOW fsync") == "off");
    CHECK(conn.value("SHOW unix_socket_directories") == directory);
    CHECK(is_directory(directory + "/data"));
  }
  CHECK_FALSE(is_directory(directory));
  CHECK(server::processes_mentioning(directory).empty());
}

TEST_CASE("a server that cannot start fails with the reason, without hanging or leftovers", "[server]") {
  server::ThrowawayCluster::Options options;
  options.settings = {"shared_buffers=lots"};
  options.start_timeout_seconds = 20;
  auto started = std::chrono::steady_clock::now();
  try {
    server::ThrowawayCluster::start(options);
    FAIL("the server started with an invalid setting");
  } catch (const server::ServerError& e) {
    std::string message = e.what();
    CHECK(message.find("did not start") != std::string::npos);
    CHECK(message.find("shared_buffers") != std::string::npos);
  }
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(40));
  options = {};
  options.bin_dir = "/nonexistent";
  CHECK_THROWS_WITH(server::ThrowawayCluster::start(options), Catch::Contains("no initdb/postgres in /nonexistent"));
}

TEST_CASE("two throwaway servers run at once without a socket clash", "[server]") {
  auto a = server::ThrowawayCluster::start();
  auto b = server::ThrowawayCluster::start();
  CHECK(a->conninfo() != b->conninfo());
  server::Connection ca(a->conninfo()), cb(b->conninfo());
  ca.run("CREATE TABLE only_in_a (id int)");
  CHECK(cb.value("SELECT to_regclass('only_in_a') IS NULL") == "t");
}

TEST_CASE("pgguard killed mid-trace leaves no server and no directory behind", "[server]") {
  // Killed while the migration runs, by each signal; and killed while the server is still starting.
  const std::vector<std::pair<int, bool>> kills = {{SIGKILL, false}, {SIGTERM, false}, {SIGINT, false}, {SIGKILL, true}};
  for (auto [sig, while_starting] : kills) {
    Project p;
    p.write("db/migrations/001_slow.sql", "SELECT pg_sleep(120);\n");
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      setenv("TMPDIR", p.root.c_str(), 1);
      if (chdir(p.root.c_str()) != 0) _exit(127);
      execl(PGGUARD_CLI, PGGUARD_CLI, "trace", "db/migrations/001_slow.sql", static_cast<char*>(nullptr));
      _exit(127);
    }
    // Wait until the server runs and the migration sleeps in it.
    std::string directory;
    for (int i = 0; i < 3000 && directory.empty(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      for (const auto& d : cluster_dirs(p))
        if (while_starting ? is_regular_file(d + "/data/PG_VERSION") : is_regular_file(d + "/data/postmaster.pid")) directory = d;
    }
    REQUIRE(!directory.empty());
    if (!while_starting) std::this_thread::sleep_for(std::chrono::seconds(1));
    kill(pid, sig);
    int status = 0;
    waitpid(pid, &status, 0);
    bool gone = false;
    for (int i = 0; i < 300 && !gone; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      gone = !is_directory(directory) && server::processes_mentioning(directory).empty();
    }
    INFO("signal " << sig << (while_starting ? ", while the server starts" : "") << "; directory left: " << is_directory(directory)
                   << ", processes left: " << server::processes_mentioning(directory).size());
    CHECK(gone);
  }
}

TEST_CASE("trace replays history, seeds rows and reports locks, rewrites, scans and catalog changes", "[server]") {
  Project p;
  p.write("db/migrations/001_init.sql", kHistory);
  p.write("db/migrations/002_change.sql",
          "CREATE INDEX idx_orders_status ON orders (status);\n"
          "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n"
          "ALTER TABLE orders ALTER COLUMN amount TYPE numeric(12,2);\n"
          "ALTER TABLE orders ALTER COLUMN amount TYPE bigint;\n"
          "CREATE INDEX CONCURRENTLY idx_orders_customer ON orders (customer_id);\n");
  json t = trace_json(p, {"db/migrations/002_change.sql", "--seed-rows", "500", "--verify", "SELECT count(*) = 500 FROM orders"});
  INFO(t.dump(2));
  CHECK(t["statements"].size() == 5);
  const json& index = statement(t, "CREATE INDEX idx_orders_status");
  CHECK(lock_on(index, "orders") == "SHARE");
  CHECK(has(index["scanned"], "orders"));
  CHECK(index["rewritten"].empty());
  CHECK(has(index["catalog_changes"], "+ index public.idx_orders_status: CREATE INDEX idx_orders_status ON public.orders USING btree (status)"));
  const json& fk = statement(t, "ALTER TABLE orders ADD CONSTRAINT");
  CHECK(lock_on(fk, "orders") == "SHARE ROW EXCLUSIVE");
  CHECK(lock_on(fk, "customers") == "SHARE ROW EXCLUSIVE");
  CHECK(fk["scanned"].empty());
  CHECK(has(fk["catalog_changes"],
            "+ constraint public.orders.orders_customer_fk: FOREIGN KEY (customer_id) REFERENCES customers(id) NOT VALID"));
  const json& widen = statement(t, "ALTER TABLE orders ALTER COLUMN amount TYPE numeric(12,2)");
  CHECK(lock_on(widen, "orders") == "ACCESS EXCLUSIVE");
  CHECK(widen["rewritten"].empty());
  const json& retype = statement(t, "ALTER TABLE orders ALTER COLUMN amount TYPE bigint");
  CHECK(has(retype["rewritten"], "orders"));
  const json& concurrent = statement(t, "CREATE INDEX CONCURRENTLY");
  CHECK(concurrent["outside_transaction"] == true);
  CHECK(lock_on(concurrent, "orders") == "SHARE UPDATE EXCLUSIVE");
  CHECK(concurrent["error"].is_null());
  CHECK(t["verifications"][0]["passed"] == true);
  // The linter's findings come back with what the server showed.
  bool confirmed = false;
  for (const auto& f : t["findings"])
    if (f["rule"] == "create-index-non-concurrent")
      confirmed = f["message"].get<std::string>().find("Observed: SHARE on orders") != std::string::npos;
  CHECK(confirmed);
}

TEST_CASE("trace reports a failing statement, skips the rest and rolls the transaction back", "[server]") {
  Project p;
  p.write("db/migrations/20240101000000_init.sql", std::string("-- migrate:up\n") + kHistory + "-- migrate:down\nDROP TABLE orders;\n");
  p.write("db/migrations/20240102000000_bad.sql",
          "-- migrate:up\n"
          "CREATE TABLE audit (id int);\n"
          "ALTER TABLE orders ADD COLUMN note text NOT NULL;\n"
          "CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);\n"
          "-- migrate:down\nDROP TABLE audit;\n");
  json t = trace_json(p, {"db/migrations/20240102000000_bad.sql", "--seed-rows", "10", "--verify",
                          "SELECT to_regclass('audit') IS NULL"});
  INFO(t.dump(2));
  const json& failing = statement(t, "ALTER TABLE orders ADD COLUMN note");
  CHECK(failing["error"].get<std::string>().find("contains null values") != std::string::npos);
  CHECK(statement(t, "CREATE INDEX CONCURRENTLY")["ran"] == false);
  CHECK(t["verifications"][0]["passed"] == true);  // dbmate's transaction rolled back the CREATE TABLE
  bool reported = false;
  for (const auto& f : t["findings"]) reported = reported || f["rule"] == "statement-error";
  CHECK(reported);

  // In the tool's transaction, CONCURRENTLY fails as it would in production.
  p.write("db/migrations/20240102000000_bad.sql",
          "-- migrate:up\nCREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);\n-- migrate:down\n"
          "DROP INDEX idx_orders_status;\n");
  json c = trace_json(p, {"db/migrations/20240102000000_bad.sql"});
  CHECK(statement(c, "CREATE INDEX CONCURRENTLY")["error"].get<std::string>().find("transaction block") != std::string::npos);
  bool concurrently = false;
  for (const auto& f : c["findings"]) concurrently = concurrently || f["rule"] == "concurrently-in-transaction";
  CHECK(concurrently);
}

TEST_CASE("trace --from-dump restores custom and plain dumps and measures lock hold times", "[server]") {
  Project p;
  auto source = server_with(std::string(kHistory) + "INSERT INTO orders SELECT md5(g::text)::uuid, null, 'new', g FROM generate_series(1, 5000) g");
  std::string out;
  REQUIRE(server::run_client(source->bin_dir(), "pg_dump", {"-Fc", "-f", p.path("app.dump"), "-d", source->conninfo()}, out, 60000) == 0);
  REQUIRE(server::run_client(source->bin_dir(), "pg_dump", {"-f", p.path("app.sql"), "-d", source->conninfo()}, out, 60000) == 0);
  p.write("migration.sql",
          "BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nUPDATE orders SET note = 'x';\nCOMMIT;\n"
          "ALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n");
  for (const std::string dump : {"app.dump", "app.sql"}) {
    json t = trace_json(p, {"migration.sql", "--from-dump", dump, "--verify", "SELECT count(*) FROM orders WHERE note = 'x'"});
    INFO(dump << "\n" << t.dump(2));
    CHECK(t["notes"].empty());
    CHECK(t["verifications"][0]["result"] == "5000");
    const json& add = statement(t, "ALTER TABLE orders ADD COLUMN note");
    const json& update = statement(t, "UPDATE orders");
    CHECK(has(update["scanned"], "orders"));
    // The ACCESS EXCLUSIVE lock of the ADD COLUMN is held until COMMIT, through the UPDATE.
    REQUIRE(add["locks"].size() == 1);
    CHECK(add["locks"][0]["held_ms"].get<double>() >= update["duration_ms"].get<double>());
    CHECK(has(statement(t, "ALTER TABLE orders ALTER COLUMN status SET NOT NULL")["scanned"], "orders"));
  }
}

TEST_CASE("trace --database-url works in a scratch database and leaves the user's server unchanged", "[server]") {
  Project p;
  auto users_server = server::ThrowawayCluster::start();
  server::Connection admin(users_server->conninfo());
  admin.run("CREATE DATABASE app");
  std::string app = users_server->conninfo("app");
  {
    server::Connection conn(app);
    conn.run(kHistory);
    conn.run("INSERT INTO customers (name) SELECT 'c' || g FROM generate_series(1, 50) g");
  }
  auto snapshot = [&] {
    server::Connection conn(app);
    return std::make_tuple(server::describe_schema(conn), conn.value("SELECT count(*) FROM customers"),
                           admin.value("SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database"));
  };
  auto before = snapshot();
  p.write("db/migrations/001_init.sql", kHistory);
  p.write("db/migrations/002_drop.sql", "DROP TABLE customers CASCADE;\nCREATE TABLE accounts (id int);\n");
  json t = trace_json(p, {"db/migrations/002_drop.sql", "--database-url", app});
  INFO(t.dump(2));
  CHECK(t["server"].get<std::string>().find("scratch database") != std::string::npos);
  CHECK(statement(t, "DROP TABLE customers")["error"].is_null());
  CHECK(snapshot() == before);

  check_refuses_password(p, {"trace", "db/migrations/002_drop.sql", "--database-url", "postgres://app:s3cret@localhost/app"}, "s3cret");
}

TEST_CASE("verify-down compares the schema before up with the schema after down", "[server]") {
  Project p;
  p.write("db/migrations/20240101000000_init.sql", std::string("-- migrate:up\n") + kHistory + "-- migrate:down\nDROP TABLE orders, customers;\n");
  p.write("db/migrations/20240102000000_good.sql",
          "-- migrate:up\nALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX idx_orders_note ON orders (note);\n"
          "CREATE TYPE order_kind AS ENUM ('a', 'b');\n"
          "-- migrate:down\nDROP TYPE order_kind;\nDROP INDEX idx_orders_note;\nALTER TABLE orders DROP COLUMN note;\n");
  ProcessResult good = run_pgguard(p, {"verify-down", "db/migrations/20240102000000_good.sql"});
  INFO(good.out << good.err);
  CHECK(good.exit_code == 0);
  CHECK(good.out.find("ok: down restores the schema exactly") != std::string::npos);

  p.write("db/migrations/20240102000000_good.sql",
          "-- migrate:up\nALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX idx_orders_note ON orders (note);\n"
          "ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';\n"
          "-- migrate:down\nALTER TABLE orders DROP COLUMN note;\n");
  ProcessResult partial = run_pgguard(p, {"verify-down", "db/migrations/20240102000000_good.sql", "--json"});
  INFO(partial.out << partial.err);
  CHECK(partial.exit_code == 1);
  json j = json::parse(partial.out);
  CHECK(j["reversible"] == false);
  REQUIRE(j["differences"].size() == 1);
  CHECK(j["differences"][0]["object"] == "column public.orders.status");
  CHECK(j["differences"][0]["after"] == "text DEFAULT 'new'::text");

  // golang-migrate pairs, and an irreversible migration that says so.
  p.write("migrate/000001_init.up.sql", kHistory);
  p.write("migrate/000001_init.down.sql", "DROP TABLE orders, customers;\n");
  p.write("migrate/000002_drop.up.sql", "ALTER TABLE orders DROP COLUMN status;\n");
  p.write("migrate/000002_drop.down.sql", "-- irreversible: the status values are gone\n");
  ProcessResult irreversible = run_pgguard(p, {"verify-down", "migrate/000002_drop.up.sql"});
  INFO(irreversible.out << irreversible.err);
  CHECK(irreversible.exit_code == 0);
  CHECK(irreversible.out.find("accepted: the migration is marked irreversible: the status values are gone") != std::string::npos);
  CHECK(irreversible.out.find("- column public.orders.status: text") != std::string::npos);
  p.write("migrate/000002_drop.down.sql", "ALTER TABLE orders ADD COLUMN status varchar(20);\n");
  ProcessResult wrong_type = run_pgguard(p, {"verify-down", "migrate/000002_drop.up.sql"});
  CHECK(wrong_type.exit_code == 1);
  CHECK(wrong_type.out.find("~ column public.orders.status: text -> character varying(20)") != std::string::npos);
}

TEST_CASE("stats reads table and index sizes the linter uses, and refuses a password on the command line", "[server]") {
  Project p;
  auto cluster = server_with(std::string(kHistory) + "INSERT INTO customers (name) SELECT 'c' || g FROM generate_series(1, 20000) g; ANALYZE customers");
  ProcessResult r = run_pgguard(p, {"stats"}, {{"DATABASE_URL", cluster->conninfo()}});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json stats = json::parse(r.out);
  CHECK(stats["tables"]["public.customers"]["rows"] == 20000);
  CHECK(stats["tables"]["public.customers"]["bytes"].get<long long>() > 8192);
  CHECK(stats["tables"]["public.customers"]["indexes"]["public.customers_pkey"].get<long long>() > 0);
  CHECK(stats["tables"]["public.orders"]["rows"] == 0);
  auto parsed = lint::parse_stats(r.out);
  CHECK(parsed["customers"].rows == 20000);

  check_refuses_password(p, {"stats", "--database-url", "postgresql://app:hunter2@db.internal/app"}, "hunter2");
}
