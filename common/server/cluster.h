#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace pgguard::server {

// A process that outlives nothing: it waits for its parent to close a pipe (a normal stop, an
// exception, SIGINT, SIGTERM or SIGKILL all close it) and then runs `cleanup`, so a throwaway
// server or scratch database is never left behind.
class Watchdog {
 public:
  explicit Watchdog(std::function<void()> cleanup);
  ~Watchdog();  // closes the pipe and waits for the cleanup to finish
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

 private:
  int pipe_write_ = -1;
  int pid_ = -1;
};

// A throwaway PostgreSQL server: initdb (or its cached template) into a private temp directory, the
// postmaster started as our child on a unix socket in that directory (no TCP), fsync off, run as
// the `postgres` user when pgguard runs as root. Stopped (immediate shutdown) and removed when
// destroyed, and by its watchdog when pgguard dies.
class ThrowawayCluster {
 public:
  struct Options {
    int major = 0;                       // 0: the default server (see find_server_bin_dir)
    std::string bin_dir;                 // default: find_server_bin_dir(major)
    std::vector<std::string> settings;   // extra "name=value" server settings
    int start_timeout_seconds = 60;
  };

  // Throws ServerError with the server log's tail when initdb or the start fails.
  static std::unique_ptr<ThrowawayCluster> start(const Options& options);
  static std::unique_ptr<ThrowawayCluster> start() { return start(Options{}); }
  ~ThrowawayCluster();

  // Connection string for a database of this server, as its superuser.
  std::string conninfo(const std::string& dbname = "postgres") const;
  const std::string& directory() const { return directory_; }
  const std::string& bin_dir() const { return bin_dir_; }
  double start_ms() const { return start_ms_; }
  int server_version() const { return server_version_; }  // 150018
  const std::string& version() const { return version_; }  // "15.18"

 private:
  ThrowawayCluster() = default;
  std::string directory_, bin_dir_, version_;
  double start_ms_ = 0;
  int server_version_ = 0;
  int postmaster_pid_ = -1;     // our child until stopped
  int spare_copier_pid_ = -1;  // our child making the next start's data directory
  std::unique_ptr<Watchdog> watchdog_;
};

// Processes (other than this one) whose command line contains `text`: a server's data directory
// names its postmaster and any pg_ctl working on it.
std::vector<int> processes_mentioning(const std::string& text);
// Runs a PostgreSQL client program (psql, pg_restore, pg_dump) from `bin_dir` with a clean
// environment; returns its exit code, output in `out`.
int run_client(const std::string& bin_dir, const std::string& program, const std::vector<std::string>& args, std::string& out,
               int timeout_ms);

}  // namespace pgguard::server
