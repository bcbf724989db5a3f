// The cluster itself: data directories found on disk, compose files read for the volumes that hold
// PostgreSQL's data, the catalog's globbed words for service managers, and targets that come from
// pg_service.conf files and password files in a home directory.
#include <catch2/catch.hpp>

#include "guard/guard.h"
#include "sinks/cli_catalog.h"
#include "sinks/cluster.h"
#include "sinks/pg_services.h"
#include "support/temp_project.h"

using namespace pgguard;
using namespace pgguard::sinks;

namespace {

Decision decide_in(const std::string& command, const std::string& cwd, std::map<std::string, std::string> env = {}) {
  GuardRequest request;
  request.command = command;
  request.cwd = cwd;
  request.env = std::move(env);
  return check_command(request, load_policy(cwd, ""));
}

}  // namespace

TEST_CASE("A data directory is found by its PG_VERSION, within the scan bounds", "[cluster]") {
  testing::TempProject p;
  p.write("infra/db/pg/PG_VERSION", "16\n");
  p.write("infra/db/pg/base/1/112", "");
  p.write("infra/logs/app.log", "");
  const ClusterCatalog& catalog = ClusterCatalog::builtin();
  CHECK(data_directory_at(p.path("infra/db/pg"), true, catalog) == p.path("infra/db/pg"));
  CHECK(data_directory_at(p.path("infra"), true, catalog) == p.path("infra/db/pg"));  // two levels down
  CHECK_FALSE(data_directory_at(p.path("infra"), false, catalog));                      // rm without -r removes no folder
  CHECK(data_directory_at(p.path("infra/db/pg/base"), true, catalog) == p.path("infra/db/pg"));
  CHECK(data_directory_at(p.path("infra/db/pg/PG_VERSION"), false, catalog) == p.path("infra/db/pg"));
  CHECK(data_directory_at(p.path("infra/db/pg/*"), false, catalog) == p.path("infra/db/pg"));
  CHECK_FALSE(data_directory_at(p.path("infra/logs"), true, catalog));
  CHECK_FALSE(data_directory_at(p.root, false, catalog));
  p.write("deep/a/b/c/d/PG_VERSION", "16\n");  // deeper than scan_depth: not looked for
  CHECK_FALSE(data_directory_at(p.path("deep"), true, catalog));
  // Well-known locations need no file on disk; a stray file in them is not the cluster.
  CHECK(data_directory_at("/var/lib/postgresql/16/main/pg_wal", true, catalog));
  CHECK(data_directory_at("/var/lib/pgsql/data/base", true, catalog));
  CHECK_FALSE(data_directory_at("/var/lib/postgresql/16/main/postgresql.auto.conf.bak", false, catalog));
}

TEST_CASE("The prefilter lets rm of a data directory through and keeps other rm cheap", "[cluster][prefilter]") {
  testing::TempProject p;
  p.write(".local/pg/PG_VERSION", "17\n");
  p.write("build/out.o", "");
  CHECK(mentions_database("rm -rf .local", p.root));
  CHECK(mentions_database("cd .local && rm -r pg", p.root));
  CHECK(mentions_database("find .local -delete", p.root));
  CHECK_FALSE(mentions_database("rm -rf build .local2", p.root));
  CHECK_FALSE(mentions_database("echo .local", p.root));
  CHECK(decide_in("rm -rf .local", p.root).verdict == Verdict::Deny);
  CHECK(decide_in("rm -rf build", p.root).verdict == Verdict::None);
}

TEST_CASE("Compose files name the volumes that hold PostgreSQL's data", "[cluster]") {
  const ClusterCatalog& catalog = ClusterCatalog::builtin();
  ComposeProject project = read_compose(R"(# comment
services:
  db:
    image: "postgis/postgis:16-3.4"
    volumes:
      - "pg:/var/lib/postgresql/data:rw"
  bound:
    image: postgres:16
    volumes:
      - ./data/pg:/var/lib/postgresql/data
  anon:
    image: bitnami/postgresql:16
  long:
    image: ghcr.io/acme/db:1
    volumes:
      - type: volume
        source: store
        target: /var/lib/postgresql/data
  cache:
    image: redis
    volumes: [cache:/data]
volumes:
  pg:
    name: shared_pg
  store:
  cache:
)");
  REQUIRE(project.services.size() == 5);
  auto data = postgres_data(project, "acme", catalog);
  REQUIRE(data.size() == 4);
  CHECK(data[0].service == "db");
  CHECK(data[0].volumes == std::vector<std::string>{"shared_pg"});
  CHECK_FALSE(data[0].anonymous);
  CHECK(data[1].volumes.empty());  // a bind mount: down -v keeps it
  CHECK_FALSE(data[1].anonymous);
  CHECK(data[2].anonymous);  // the image's own VOLUME
  CHECK(data[2].container == "acme-anon-1");
  CHECK(data[3].volumes == std::vector<std::string>{"acme_store"});  // recognised by where it mounts
  CHECK(compose_project_name("/home/me/My.App") == "myapp");
}

TEST_CASE("Catalog words may be globs, and operands must match one", "[cluster][catalog]") {
  const CliCatalog& catalog = builtin_catalog();
  const CliTool* systemctl = catalog.find_tool("systemctl");
  REQUIRE(systemctl);
  CHECK(catalog.match(*systemctl, {"stop", "nginx", "postgresql@16-main.service"}));
  CHECK(catalog.match(*systemctl, {"--now", "disable", "PostgreSQL"}));
  CHECK_FALSE(catalog.match(*systemctl, {"stop", "nginx"}));
  CHECK_FALSE(catalog.match(*systemctl, {"status", "postgresql"}));
  const CliTool* pg_ctlcluster = catalog.find_tool("pg_ctlcluster");
  REQUIRE(pg_ctlcluster);
  CHECK(catalog.match(*pg_ctlcluster, {"--force", "16", "main", "stop"}));
  CHECK(catalog.match(*pg_ctlcluster, {"16/main", "promote"}));
  CHECK_FALSE(catalog.match(*pg_ctlcluster, {"16", "main", "status"}));
}

TEST_CASE("Services resolve through PGSERVICEFILE, the project and ~/.pg_service.conf", "[cluster][targets]") {
  testing::TempProject home, project;
  home.write(".pg_service.conf", "[billing]\nhost = billing.prod.acme.net\ndbname=billing\npassword=s3cret\n");
  project.write("etc/services.conf", "[ops]\nhost=ops-db.production.internal\n");
  project.write("pg_service.conf", "[local]\nhost=localhost\n");
  std::map<std::string, std::string> env{{"HOME", home.root}};
  Decision billing = decide_in("psql service=billing -c 'DELETE FROM invoices WHERE id = 1'", project.root, env);
  CHECK(billing.verdict == Verdict::Deny);
  CHECK(billing.reason.find("production-write") != std::string::npos);
  CHECK(billing.reason.find("s3cret") == std::string::npos);
  CHECK(decide_in("PGSERVICE=billing psql -c 'SELECT 1'", project.root, env).verdict == Verdict::None);
  CHECK(decide_in("PGSERVICEFILE=etc/services.conf psql 'service=ops' -c 'VACUUM FULL t'", project.root).verdict == Verdict::Deny);
  CHECK(decide_in("psql service=local -c \"INSERT INTO t VALUES (1)\"", project.root, env).verdict == Verdict::None);
  CHECK(decide_in("psql service=billing -c \"INSERT INTO t VALUES (1)\"", project.root).verdict == Verdict::None);  // no home file
  CHECK(service_conninfo("[a]\nhost=x\npassword=y\n[b]\nhost=z\n", "a") == std::string("host=x"));
  CHECK_FALSE(service_conninfo("[a]\nhost=x\n", "b"));
}

TEST_CASE("A host read out of a password file is a target", "[cluster][targets]") {
  testing::TempProject home, project;
  home.write(".pgpass", "# host:port:db:user:password\nlocalhost:5432:*:app:devpass\ndb\\:1.prod.example.com:5432:app:app:pw\n");
  CHECK(password_file_hosts(*read_file_bounded(home.path(".pgpass"), 4096)) ==
        std::vector<std::string>{"localhost", "db:1.prod.example.com"});
  std::map<std::string, std::string> env{{"HOME", home.root}};
  Decision d = decide_in("psql -h \"$(grep prod ~/.pgpass | cut -d: -f1)\" -d app -c 'UPDATE t SET a = 1 WHERE id = 2'", project.root, env);
  CHECK(d.verdict == Verdict::Deny);
  CHECK(d.reason.find("pw") == std::string::npos);
  home.write(".pgpass", "localhost:5432:*:app:devpass\n");
  CHECK(decide_in("psql -h \"$(cut -d: -f1 ~/.pgpass)\" -d app -c 'UPDATE t SET a = 1 WHERE id = 2'", project.root, env).verdict ==
        Verdict::None);
}
