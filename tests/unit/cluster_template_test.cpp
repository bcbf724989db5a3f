// The throwaway server's initdb template: kept by the first start, copied by the next ones.
#include <catch2/catch.hpp>

#include <dirent.h>

#include <cstdlib>
#include <fstream>

#include "server/cluster.h"
#include "server/connection.h"
#include "support/temp_project.h"
#include "util/files.h"

using namespace pgguard;

namespace {

// XDG_CACHE_HOME pointed at a directory of the test for as long as it lives.
struct CacheHome {
  testing::TempProject dir;
  std::string saved;
  bool had;
  CacheHome() : had(std::getenv("XDG_CACHE_HOME") != nullptr) {
    if (had) saved = std::getenv("XDG_CACHE_HOME");
    setenv("XDG_CACHE_HOME", dir.root.c_str(), 1);
  }
  ~CacheHome() { had ? setenv("XDG_CACHE_HOME", saved.c_str(), 1) : unsetenv("XDG_CACHE_HOME"); }
};

std::vector<std::string> templates(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* handle = opendir(dir.c_str())) {
    while (dirent* e = readdir(handle))
      if (e->d_name[0] != '.') out.push_back(dir + "/" + e->d_name);
    closedir(handle);
  }
  return out;
}

}  // namespace

TEST_CASE("a throwaway server copies the data directory the first start's initdb wrote", "[server]") {
  CacheHome cache;
  std::string clusters = cache.dir.root + "/pgguard/clusters";
  {
    auto first = server::ThrowawayCluster::start();
    CHECK(server::Connection(first->conninfo()).value("SELECT 1") == "1");
  }
  std::vector<std::string> kept = templates(clusters);
  REQUIRE(kept.size() == 1);
  REQUIRE(is_regular_file(kept[0] + "/data/PG_VERSION"));
  CHECK_FALSE(is_regular_file(kept[0] + "/data/postmaster.pid"));  // kept before the server ever ran
  // While the first server ran, the next start's data directory was copied from the template.
  REQUIRE(is_regular_file(kept[0] + "/spare/PG_VERSION"));
  std::ofstream(kept[0] + "/spare/pgguard-spare-marker") << "from the spare\n";
  std::ofstream(kept[0] + "/data/pgguard-template-marker") << "from the template\n";
  {
    auto second = server::ThrowawayCluster::start();
    CHECK(is_regular_file(second->directory() + "/data/pgguard-spare-marker"));
    server::Connection connection(second->conninfo());
    CHECK(connection.value("SELECT 1") == "1");
    connection.value("CREATE TABLE t (id int)");  // a write lands in the copy, not in the template
  }
  CHECK(templates(clusters).size() == 1);
  CHECK_FALSE(is_regular_file(kept[0] + "/data/postmaster.pid"));
  CHECK(is_regular_file(kept[0] + "/spare/pgguard-template-marker"));  // the second start's spare

  remove_tree(kept[0] + "/spare");  // without a spare, the template itself is copied
  {
    auto third = server::ThrowawayCluster::start();
    CHECK(is_regular_file(third->directory() + "/data/pgguard-template-marker"));
    CHECK(server::Connection(third->conninfo()).value("SELECT 1") == "1");
  }

  REQUIRE(is_directory(kept[0] + "/spare"));
  remove_tree(kept[0] + "/data/PG_VERSION");  // a damaged template is passed over, its spare too: initdb runs
  auto fourth = server::ThrowawayCluster::start();
  CHECK_FALSE(is_regular_file(fourth->directory() + "/data/pgguard-template-marker"));
  CHECK(server::Connection(fourth->conninfo()).value("SELECT 1") == "1");
}
