#pragma once
#include <memory>
#include <string>

#include "server/cluster.h"

namespace pgguard::server {

// Where a trace or round trip runs: a throwaway cluster, or a database pgguard creates on the
// server of a user-given URL and drops afterwards (also when pgguard is killed), so the user's
// own databases are never touched.
class Sandbox {
 public:
  // `database_url` empty: a throwaway cluster. A URL carrying a password is refused (it would
  // show in the process list and the shell history): use PGPASSWORD or ~/.pgpass.
  static std::unique_ptr<Sandbox> open(const std::string& database_url, const ThrowawayCluster::Options& cluster_options = {});
  ~Sandbox();

  const std::string& conninfo() const { return conninfo_; }
  const std::string& bin_dir() const { return bin_dir_; }  // the client programs: psql, pg_restore
  int major() const { return major_; }
  const std::string& version() const { return version_; }  // "18.4"
  double start_ms() const { return start_ms_; }
  std::string describe() const { return description_; }

 private:
  Sandbox() = default;
  std::unique_ptr<ThrowawayCluster> cluster_;
  std::unique_ptr<Watchdog> scratch_dropper_;
  std::string conninfo_, bin_dir_, description_, version_;
  double start_ms_ = 0;
  int major_ = 0;
};

// `conninfo` (URI or key=value) with its database replaced, as a key=value string.
std::string with_database(const std::string& conninfo, const std::string& dbname);

}  // namespace pgguard::server
