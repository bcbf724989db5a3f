#include "server/cluster.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "server/cluster_template.h"
#include "server/connection.h"
#include "server/servers.h"
#include "util/budget.h"
#include "util/files.h"
#include "util/subprocess.h"
#include "util/text.h"

namespace pgguard::server {
namespace {

bool running_as_root() { return geteuid() == 0; }

std::map<std::string, std::string> base_environment() {
  std::map<std::string, std::string> env{{"PATH", "/usr/local/bin:/usr/bin:/bin"}, {"LC_ALL", "C"}};
  if (const char* tmp = std::getenv("TMPDIR")) env["TMPDIR"] = tmp;
  return env;
}

// Runs a server program, as the postgres user when we are root (the server refuses root).
ProcessResult run_server_program(const std::string& bin_dir, const std::string& program, std::vector<std::string> args,
                                 int timeout_ms) {
  std::string path = bin_dir + "/" + program;
  if (running_as_root()) {
    args.insert(args.begin(), {"-u", "postgres", "--", path});
    return run_process("/usr/sbin/runuser", args, "", base_environment(), "/", timeout_ms);
  }
  return run_process(path, args, "", base_environment(), "/", timeout_ms);
}

std::string tail_of_file(const std::string& path, size_t lines) {
  auto text = read_file_bounded(path, 1 << 20);
  if (!text) return "";
  std::vector<std::string> all = split_lines(*text);
  size_t from = all.size() > lines ? all.size() - lines : 0;
  return join(std::vector<std::string>(all.begin() + from, all.end()), "\n");
}

// Stops the server, also one still starting when pgguard died: a pg_ctl start left waiting is
// killed, and a server that registers late is stopped on the next round.
void stop_and_remove(const std::string& bin_dir, const std::string& directory) {
  std::string data = directory + "/data";
  for (int round = 0; round < 100; ++round) {
    if (is_regular_file(data + "/postmaster.pid"))
      run_server_program(bin_dir, "pg_ctl", {"stop", "-D", data, "-m", "immediate", "-w", "-t", "30"}, 40000);
    std::vector<int> left = processes_mentioning(directory);
    if (left.empty()) break;
    if (round > 0)
      for (int pid : left) kill(pid, SIGKILL);
    usleep(100000);
  }
  // Exiting server processes may still be writing into it: retry until it is gone.
  for (int round = 0; round < 50 && is_directory(directory); ++round) {
    remove_tree(directory);
    if (is_directory(directory)) usleep(100000);
  }
}

// The postgres user must reach the server's directory: as root, a TMPDIR that others cannot
// traverse is passed over for /tmp.
std::string cluster_parent() {
  const char* tmp = std::getenv("TMPDIR");
  struct stat st;
  if (!running_as_root() || !tmp || !*tmp || (stat(tmp, &st) == 0 && (st.st_mode & S_IXOTH))) return "";
  return "/tmp";
}

// Whether the postgres user can run the programs in `bin_dir`: every directory above it must let
// others through (a root's ~/.cache does not).
bool others_can_run(const std::string& bin_dir) {
  struct stat st;
  for (std::filesystem::path p = bin_dir; !p.empty() && p != p.root_path(); p = p.parent_path())
    if (stat(p.c_str(), &st) != 0 || !(st.st_mode & S_IXOTH)) return false;
  return stat((bin_dir + "/postgres").c_str(), &st) == 0 && (st.st_mode & S_IXOTH);
}

// The server installation above `bin_dir` (bin, lib, share), hard-linked (copied across file
// systems) into `directory`, where the postgres user can reach it; returns the new bin directory.
std::string linked_bin_dir(const std::string& directory) { return directory + "/server/bin"; }

std::string link_installation(const std::string& bin_dir, const std::string& directory) {
  namespace fs = std::filesystem;
  fs::path from = fs::path(bin_dir).parent_path(), to = fs::path(linked_bin_dir(directory)).parent_path();
  std::error_code ec;
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks | fs::copy_options::create_hard_links, ec);
  if (ec) {
    fs::remove_all(to, ec);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
  }
  if (ec) throw ServerError("cannot give the postgres user the server binaries of " + bin_dir + ": " + ec.message());
  return linked_bin_dir(directory);
}

}  // namespace

Watchdog::Watchdog(std::function<void()> cleanup) {
  int fds[2];
  if (pipe(fds) != 0) throw ServerError("pipe failed");
  pid_t pid = fork();
  if (pid < 0) throw ServerError("fork failed");
  if (pid == 0) {
    // Its own session: a Ctrl-C to the terminal's process group does not reach the cleanup.
    setsid();
    signal(SIGINT, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    close(fds[1]);
    for (int fd = 3; fd < 1024; ++fd)
      if (fd != fds[0]) close(fd);
    char byte;
    for (;;) {
      ssize_t n = read(fds[0], &byte, 1);
      if (n == 0 || (n < 0 && errno != EINTR)) break;
    }
    try {
      cleanup();
    } catch (...) {
    }
    _exit(0);
  }
  close(fds[0]);
  fcntl(fds[1], F_SETFD, FD_CLOEXEC);
  pipe_write_ = fds[1];
  pid_ = pid;
}

Watchdog::~Watchdog() {
  close(pipe_write_);
  int status;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
}

std::vector<int> processes_mentioning(const std::string& text) {
  std::vector<int> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    int pid = std::atoi(entry.path().filename().c_str());
    if (pid <= 0 || pid == getpid()) continue;
    auto cmdline = read_file_bounded(entry.path().string() + "/cmdline", 1 << 16);
    if (cmdline && cmdline->find(text) != std::string::npos) out.push_back(pid);
  }
  return out;
}

int run_client(const std::string& bin_dir, const std::string& program, const std::vector<std::string>& args, std::string& out,
               int timeout_ms) {
  ProcessResult r = run_process(bin_dir + "/" + program, args, "", base_environment(), "/", timeout_ms);
  out = r.out + r.err;
  if (r.signal) out += "\n" + program + " was stopped after " + std::to_string(timeout_ms / 1000) + " s";
  return r.exit_code;
}

std::unique_ptr<ThrowawayCluster> ThrowawayCluster::start(const Options& options) {
  auto started = std::chrono::steady_clock::now();
  std::unique_ptr<ThrowawayCluster> cluster(new ThrowawayCluster());
  cluster->bin_dir_ = options.bin_dir.empty() ? find_server_bin_dir(options.major) : options.bin_dir;
  if (!is_regular_file(cluster->bin_dir_ + "/initdb") || !is_regular_file(cluster->bin_dir_ + "/pg_ctl"))
    throw ServerError("no initdb/pg_ctl in " + cluster->bin_dir_);
  std::string dir = make_temp_directory("pgguard-cluster", cluster_parent());
  if (dir.empty()) throw ServerError("cannot create a temporary directory for the throwaway server");
  cluster->directory_ = dir;
  // The cleanup stops the server with the programs it was started from: the linked copy when there is one.
  cluster->watchdog_ = std::make_unique<Watchdog>([bin = cluster->bin_dir_, dir] {
    stop_and_remove(is_regular_file(linked_bin_dir(dir) + "/pg_ctl") ? linked_bin_dir(dir) : bin, dir);
  });
  if (running_as_root()) {
    struct passwd* pw = getpwnam("postgres");
    if (!pw) throw ServerError("running as root needs a `postgres` user to run the throwaway server (Debian's postgresql package creates it)");
    if (chown(dir.c_str(), pw->pw_uid, pw->pw_gid) != 0) throw ServerError("cannot hand " + dir + " to the postgres user");
    if (!others_can_run(cluster->bin_dir_)) cluster->bin_dir_ = link_installation(cluster->bin_dir_, dir);
  }
  std::string data = dir + "/data";
  const std::vector<std::string> initdb_options = {"-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"};
  std::string template_dir = cluster_template_dir(cluster->bin_dir_, initdb_options);
  if (!copy_cluster_template(template_dir, data)) {
    std::vector<std::string> args = {"-D", data};
    args.insert(args.end(), initdb_options.begin(), initdb_options.end());
    ProcessResult init = run_server_program(cluster->bin_dir_, "initdb", args, 120000);
    if (init.exit_code != 0)
      throw ServerError("initdb failed" + std::string(init.signal ? " (timed out)" : "") + ": " + trim(init.err.empty() ? init.out : init.err));
    keep_cluster_template(data, template_dir);
  }

  std::string server_options = "-c listen_addresses='' -k " + dir + " -p 5432 -c fsync=off -c full_page_writes=off -c synchronous_commit=off";
  for (const auto& s : options.settings) server_options += " -c " + s;
  std::string log = dir + "/server.log";
  ProcessResult start = run_server_program(
      cluster->bin_dir_, "pg_ctl",
      {"start", "-D", data, "-l", log, "-w", "-t", std::to_string(options.start_timeout_seconds), "-o", server_options},
      (options.start_timeout_seconds + 10) * 1000);
  if (start.exit_code != 0) {
    std::string why = tail_of_file(log, 8);
    throw ServerError("the throwaway PostgreSQL server did not start" + std::string(start.signal ? " in time" : "") + ": " +
                      trim(why.empty() ? start.out + start.err : why));
  }
  Connection probe(cluster->conninfo());
  cluster->server_version_ = std::atoi(probe.value("SHOW server_version_num").c_str());
  std::string version = probe.value("SHOW server_version");  // "15.14 (Debian 15.14-0+deb12u1)"
  cluster->version_ = version.substr(0, version.find(' '));
  if (options.major && cluster->server_version_ / 10000 != options.major)
    throw ServerError(cluster->bin_dir_ + " runs PostgreSQL " + cluster->version_ + ", not " + std::to_string(options.major));
  cluster->start_ms_ = elapsed_ms(started);
  return cluster;
}

ThrowawayCluster::~ThrowawayCluster() = default;  // the watchdog stops and removes the server

std::string ThrowawayCluster::conninfo(const std::string& dbname) const {
  return "host=" + directory_ + " port=5432 user=postgres dbname=" + dbname + " connect_timeout=10";
}

}  // namespace pgguard::server
