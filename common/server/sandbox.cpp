#include "server/sandbox.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <random>

#include "server/connection.h"
#include "server/servers.h"
#include "util/budget.h"
#include "util/secrets.h"

namespace pgguard::server {

std::string with_database(const std::string& conninfo, const std::string& dbname) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  if (!options) {
    std::string message = error ? error : "invalid connection string";
    if (error) PQfreemem(error);
    throw ServerError("cannot read the connection string " + redact(conninfo) + ": " + message);
  }
  auto quote = [](const std::string& v) {
    std::string out = "'";
    for (char c : v) {
      if (c == '\'' || c == '\\') out += '\\';
      out += c;
    }
    return out + "'";
  };
  std::string out;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    std::string keyword = o->keyword;
    if (keyword == "dbname" || !o->val || !*o->val) continue;
    out += keyword + "=" + quote(o->val) + " ";
  }
  PQconninfoFree(options);
  return out + "dbname=" + quote(dbname);
}

std::unique_ptr<Sandbox> Sandbox::open(const std::string& database_url, const ThrowawayCluster::Options& cluster_options) {
  std::unique_ptr<Sandbox> sandbox(new Sandbox());
  if (database_url.empty()) {
    sandbox->cluster_ = ThrowawayCluster::start(cluster_options);
    sandbox->conninfo_ = sandbox->cluster_->conninfo();
    sandbox->bin_dir_ = find_client_bin_dir(sandbox->cluster_->bin_dir());
    sandbox->start_ms_ = sandbox->cluster_->start_ms();
    sandbox->major_ = sandbox->cluster_->server_version() / 10000;
    sandbox->version_ = sandbox->cluster_->version();
    sandbox->description_ = "a throwaway PostgreSQL " + sandbox->version_ + " server in " + sandbox->cluster_->directory();
    return sandbox;
  }
  if (has_password(database_url))
    throw ServerError("the database URL carries a password: pass it through PGPASSWORD or ~/.pgpass instead of the command line");
  auto started = std::chrono::steady_clock::now();
  Connection admin(database_url);
  std::string name = "pgguard_scratch_" + std::to_string(getpid()) + "_" + std::to_string(std::random_device{}() % 1000000);
  QueryResult created = admin.exec("CREATE DATABASE " + name);
  if (!created.ok())
    throw ServerError("cannot create the scratch database " + name + " (" + created.error +
                      "): the role needs CREATEDB, or run without --database-url to use a throwaway server");
  sandbox->scratch_dropper_ = std::make_unique<Watchdog>([database_url, name] {
    Connection dropper(database_url);
    dropper.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  });
  sandbox->conninfo_ = with_database(database_url, name);
  sandbox->bin_dir_ = find_client_bin_dir("");
  sandbox->start_ms_ = elapsed_ms(started);
  sandbox->major_ = std::atoi(admin.value("SHOW server_version_num").c_str()) / 10000;
  std::string version = admin.value("SHOW server_version");
  sandbox->version_ = version.substr(0, version.find(' '));
  sandbox->description_ =
      "the scratch database " + name + " (dropped afterwards) on " + redact(database_url) + ", PostgreSQL " + sandbox->version_;
  return sandbox;
}

Sandbox::~Sandbox() = default;

}  // namespace pgguard::server
