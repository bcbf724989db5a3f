// Server majors other than Debian's: `pgguard server install`, the major chosen by --pg-version or
// the project, no fallback to another major, and a migration whose behaviour differs by major.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "server/cluster.h"
#include "server/servers.h"
#include "support/servers.h"
#include "support/temp_project.h"
#include "util/files.h"
#include "util/subprocess.h"

using nlohmann::json;
using namespace pgguard;

namespace {

using Project = testing::TempProject;

// pgguard in `p` (also its TMPDIR and HOME), finding servers in `servers_dir`.
ProcessResult run_pgguard(const Project& p, const std::vector<std::string>& args, const std::string& servers_dir) {
  std::map<std::string, std::string> env{
      {"PATH", "/usr/bin:/bin"}, {"HOME", p.root}, {"TMPDIR", p.root}, {"PGGUARD_SERVERS_DIR", servers_dir}};
  return run_process(PGGUARD_CLI, args, "", env, p.root, 180000);
}

// The installed servers directory when `major` can be had, else "" after saying why.
std::string servers_with(int major) {
  std::string why;
  if (testing::server_bin_dir(major, why).empty()) {
    WARN("skipped PostgreSQL " << major << ": " << why);
    return "";
  }
  return server::servers_directory();
}

json trace_json(const Project& p, const std::string& servers_dir, std::vector<std::string> args) {
  args.insert(args.begin(), "trace");
  args.insert(args.end(), {"--format", "json"});
  ProcessResult r = run_pgguard(p, args, servers_dir);
  INFO(r.err);
  REQUIRE(r.exit_code >= 0);
  REQUIRE(r.exit_code <= 1);
  return json::parse(r.out);
}

}  // namespace

TEST_CASE("a major that is not installed is named with how to install it, never replaced by another", "[server][majors]") {
  Project p;
  p.write("001.sql", "CREATE TABLE t (id int);\n");
  ProcessResult r = run_pgguard(p, {"trace", "--pg-version", "14", "001.sql"}, p.path("no-servers"));
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("no PostgreSQL 14 server binaries") != std::string::npos);
  CHECK(r.err.find("pgguard server install 14") != std::string::npos);

  p.write(".pgguard.json", R"({"postgres_version": 13})");
  r = run_pgguard(p, {"verify-down", "001.sql"}, p.path("no-servers"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no PostgreSQL 13 server binaries") != std::string::npos);
}

TEST_CASE("server install without a reachable registry fails with npm's reason and installs nothing", "[server][majors]") {
  Project p;
  std::map<std::string, std::string> env{{"PATH", "/usr/bin:/bin"},
                                         {"HOME", p.root},
                                         {"PGGUARD_SERVERS_DIR", p.path("servers")},
                                         {"npm_config_registry", "http://127.0.0.1:9/"},
                                         {"npm_config_cache", p.path("npm-cache")}};
  ProcessResult r = run_process(PGGUARD_CLI, {"server", "install", "17"}, "", env, p.root, 120000);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("PostgreSQL 17 not installed") != std::string::npos);
  CHECK(r.err.find("ECONNREFUSED") != std::string::npos);
  CHECK(!is_directory(p.path("servers/17")));
}

TEST_CASE("the project's major picks the server and the trace names its exact version", "[server][majors]") {
  std::string servers = servers_with(18);
  if (servers.empty()) return;
  Project p;
  p.write("CLAUDE.md", "# Stack\n- PostgreSQL: 18.x\n");
  p.write("001.sql", "CREATE TABLE t (id int);\n");
  ProcessResult r = run_pgguard(p, {"trace", "001.sql"}, servers);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("trace on a throwaway PostgreSQL 18.", 0) == 0);
  json t = trace_json(p, servers, {"001.sql", "--pg-version", "15"});
  CHECK(t["pg_version"].get<std::string>().rfind("15.", 0) == 0);
  // Stopped and removed, also when its binaries were linked for the postgres user.
  for (const auto& entry : std::filesystem::directory_iterator(p.root)) {
    INFO(entry.path());
    CHECK(entry.path().filename().string().rfind("pgguard-cluster-", 0) != 0);
  }
  CHECK(server::processes_mentioning(p.root + "/pgguard-cluster-").empty());
}

TEST_CASE("the same migration traced on 15 and 18 shows what changed between them", "[server][majors]") {
  std::string servers = servers_with(18);
  if (servers.empty()) return;
  Project p;
  // A generated column without STORED is virtual on 18 (added without a rewrite) and a syntax error on 15.
  p.write("001.sql",
          "CREATE TABLE t (id int PRIMARY KEY, n int);\n"
          "INSERT INTO t SELECT g, g FROM generate_series(1, 100) g;\n"
          "ALTER TABLE t ADD COLUMN v int GENERATED ALWAYS AS (n * 2);\n"
          "ALTER TABLE t ADD COLUMN s int GENERATED ALWAYS AS (n * 3) STORED;\n");
  json on18 = trace_json(p, servers, {"001.sql", "--pg-version", "18"});
  INFO(on18.dump(2));
  REQUIRE(on18["statements"].size() == 4);
  CHECK(on18["statements"][2]["error"].is_null());
  CHECK(on18["statements"][2]["rewritten"].empty());
  CHECK(on18["statements"][3]["rewritten"] == json::array({"t", "t_pkey"}));
  json on15 = trace_json(p, servers, {"001.sql", "--pg-version", "15"});
  INFO(on15.dump(2));
  REQUIRE(on15["statements"].size() == 4);
  CHECK(on15["statements"][2]["error"].get<std::string>().find("syntax error") != std::string::npos);
  CHECK(on15["statements"][3]["ran"] == false);
}

TEST_CASE("lint --server lets a PostgreSQL 17 server decide what the parser's grammar cannot read", "[server][majors]") {
  std::string servers = servers_with(17);
  if (servers.empty()) return;
  Project p;
  std::string marker = "/tmp/pgguard-copy-ran-" + std::to_string(getpid());  // where the postgres user could write
  p.write(".pgguard.json", R"({"postgres_version": 17})");
  p.write("001.sql",
          "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a int PATH '$')) jt;\n"
          "ALTER TABEL orders ADD COLUMN a int;\n"
          "COPY (SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a int PATH '$')) jt) TO PROGRAM 'touch " + marker + "';\n");
  ProcessResult r = run_pgguard(p, {"lint", "--server", "--format", "json", "001.sql"}, servers);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 1);
  json findings = json::parse(r.out)["findings"];
  std::map<int, std::pair<std::string, std::string>> by_line;
  for (const auto& f : findings) by_line[f["line"]] = {f["rule"], f["message"]};
  CHECK(by_line[1].first == "newer-syntax");
  CHECK(by_line[1].second.rfind("valid PostgreSQL 17 (its server parsed it)", 0) == 0);
  CHECK(by_line[2].first == "parse-error");
  CHECK(by_line[2].second.find("PostgreSQL 17 rejects this statement: syntax error at or near \"TABEL\"") != std::string::npos);
  // Parsed, never run: the program of a COPY TO PROGRAM that 17 accepts does not run.
  CHECK(by_line[3].first == "newer-syntax");
  CHECK(!is_regular_file(marker));
}
