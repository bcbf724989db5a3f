#include "server/cluster.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
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

// Stops a server left running in `directory` (pgguard died, or its start was cut short):
// SIGQUIT (immediate shutdown) to what names the directory, SIGKILL to what is left after 5 s; then
// removes the directory. The server is not the caller's child here: it is gone when no process
// names the directory any more.
void stop_and_remove(const std::string& directory) {
  auto started = std::chrono::steady_clock::now();
  for (std::vector<int> left = processes_mentioning(directory); !left.empty() && elapsed_ms(started) < 10000;
       left = processes_mentioning(directory)) {
    for (int pid : left) kill(pid, elapsed_ms(started) < 5000 ? SIGQUIT : SIGKILL);
    usleep(20000);
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

// In a forked child, closes every descriptor but stdin, stdout and stderr: a pipe of pgguard's
// held open there would keep a watchdog or a reader of pgguard's output waiting.
void close_inherited_descriptors() {
  if (close_range(3, ~0U, 0) != 0)
    for (int fd = 3; fd < 1024; ++fd) close(fd);
}

// Starts `bin_dir`/postgres with `args` in a session of its own (a Ctrl-C to the terminal reaches
// pgguard, which stops it), stdin from /dev/null, output to `log`, as the postgres user when we are
// root (`uid`, `gid`). Started directly rather than by `pg_ctl start -w`, which looks for readiness
// every 100 ms.
pid_t spawn_postmaster(const std::string& bin_dir, const std::vector<std::string>& args, const std::string& log, uid_t uid, gid_t gid) {
  // Everything the child needs is prepared before the fork: after it, only exec-safe calls.
  std::string program = bin_dir + "/postgres";
  std::vector<std::string> strings = args;
  std::vector<char*> argv = {program.data()};
  for (auto& a : strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : base_environment()) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  bool switch_user = running_as_root();
  int log_fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (log_fd < 0 || null_fd < 0) {
    if (log_fd >= 0) close(log_fd);
    if (null_fd >= 0) close(null_fd);
    throw ServerError("cannot open " + log + " for the throwaway server's log");
  }
  pid_t pid = fork();
  if (pid == 0) {
    setsid();
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    dup2(null_fd, 0);
    dup2(log_fd, 1);
    dup2(log_fd, 2);
    close_inherited_descriptors();
    if (chdir("/") != 0) _exit(127);
    if (switch_user && (setgroups(1, &gid) != 0 || setgid(gid) != 0 || setuid(uid) != 0)) _exit(127);
    execve(program.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  close(log_fd);
  close(null_fd);
  if (pid < 0) throw ServerError("fork failed");
  return pid;
}

// Waits for the postmaster `pid` to write "ready" as the status line of postmaster.pid (PostgreSQL
// 10 and later), checking every 2 ms. False when it exited first (then `reaped`) or
// `timeout_seconds` passed.
bool wait_until_ready(pid_t pid, const std::string& data, int timeout_seconds, bool& reaped) {
  auto started = std::chrono::steady_clock::now();
  for (;;) {
    // Lines: pid, data directory, start time, port, socket directory, listen address, shared memory key, status.
    if (auto text = read_file_bounded(data + "/postmaster.pid", 4096)) {
      std::vector<std::string> lines = split_lines(*text);
      if (lines.size() >= 8 && std::atoi(lines[0].c_str()) == pid && trim(lines[7]) == "ready") return true;
    }
    pid_t r = waitpid(pid, nullptr, WNOHANG);
    if (r == pid || (r < 0 && errno == ECHILD)) {
      reaped = true;
      return false;
    }
    if (elapsed_ms(started) > timeout_seconds * 1000.0) return false;
    usleep(2000);
  }
}

// Sends `signal` (0: none) to our child `pid` and reaps it, bounded: SIGKILL when it has not
// exited after `grace_ms`.
void end_child(pid_t pid, int signal, double grace_ms) {
  if (signal) kill(pid, signal);
  auto started = std::chrono::steady_clock::now();
  while (elapsed_ms(started) < grace_ms) {
    pid_t r = waitpid(pid, nullptr, WNOHANG);
    if (r == pid || (r < 0 && errno == ECHILD)) return;
    usleep(1000);
  }
  kill(pid, SIGKILL);
  while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
  }
}

// Makes the template's spare in a child process, so that the copy overlaps this server's work.
// The child dies with pgguard: its half-made copy lies in the cluster's directory, which the
// watchdog removes.
pid_t start_spare_copy(const std::string& template_dir, const std::string& scratch) {
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    close_inherited_descriptors();
    if (getppid() == parent) {  // else pgguard died before the prctl
      try {
        make_cluster_spare(template_dir, scratch);
      } catch (...) {
      }
    }
    _exit(0);
  }
  return pid;  // -1: no spare this time
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
    // Read to the end: /proc reports a size of 0, so read_file_bounded would see an empty file.
    int fd = open((entry.path().string() + "/cmdline").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    std::string cmdline;
    char buffer[4096];
    for (ssize_t n; cmdline.size() < (1 << 16) && (n = read(fd, buffer, sizeof(buffer))) > 0;) cmdline.append(buffer, static_cast<size_t>(n));
    close(fd);
    if (cmdline.find(text) != std::string::npos) out.push_back(pid);
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
  if (!is_regular_file(cluster->bin_dir_ + "/initdb") || !is_regular_file(cluster->bin_dir_ + "/postgres"))
    throw ServerError("no initdb/postgres in " + cluster->bin_dir_);
  std::string dir = make_temp_directory("pgguard-cluster", cluster_parent());
  if (dir.empty()) throw ServerError("cannot create a temporary directory for the throwaway server");
  cluster->directory_ = dir;
  cluster->watchdog_ = std::make_unique<Watchdog>([dir] { stop_and_remove(dir); });
  uid_t server_uid = getuid();  // the postgres user's when we are root
  gid_t server_gid = getgid();
  if (running_as_root()) {
    struct passwd* pw = getpwnam("postgres");
    if (!pw) throw ServerError("running as root needs a `postgres` user to run the throwaway server (Debian's postgresql package creates it)");
    server_uid = pw->pw_uid;
    server_gid = pw->pw_gid;
    if (chown(dir.c_str(), server_uid, server_gid) != 0) throw ServerError("cannot hand " + dir + " to the postgres user");
    if (!others_can_run(cluster->bin_dir_)) cluster->bin_dir_ = link_installation(cluster->bin_dir_, dir);
  }
  std::string data = dir + "/data";
  // 1 MB WAL segments: the data directory (and the template copied into it) holds one segment.
  const std::vector<std::string> initdb_options = {"-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C", "--wal-segsize=1"};
  std::string template_dir = cluster_template_dir(cluster->bin_dir_, initdb_options);
  if (!copy_cluster_template(template_dir, data)) {
    std::vector<std::string> args = {"-D", data};
    args.insert(args.end(), initdb_options.begin(), initdb_options.end());
    ProcessResult init = run_server_program(cluster->bin_dir_, "initdb", args, 120000);
    if (init.exit_code != 0)
      throw ServerError("initdb failed" + std::string(init.signal ? " (timed out)" : "") + ": " + trim(init.err.empty() ? init.out : init.err));
    keep_cluster_template(data, template_dir);
  }

  // Durability is pointless for a throwaway server; small shared memory is quick to set up.
  std::vector<std::string> args = {"-D", data, "-k", dir, "-p", "5432", "-c", "listen_addresses=",
                                   "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off",
                                   "-c", "shared_buffers=16MB", "-c", "huge_pages=off"};
  for (const auto& s : options.settings) args.insert(args.end(), {"-c", s});
  std::string log = dir + "/server.log";
  cluster->postmaster_pid_ = spawn_postmaster(cluster->bin_dir_, args, log, server_uid, server_gid);
  bool reaped = false;
  if (!wait_until_ready(cluster->postmaster_pid_, data, options.start_timeout_seconds, reaped)) {
    if (reaped) cluster->postmaster_pid_ = -1;
    std::string why = trim(tail_of_file(log, 8));
    throw ServerError("the throwaway PostgreSQL server did not start" + std::string(reaped ? "" : " in time") + ": " +
                      (why.empty() ? "postgres exited without a log line" : why));
  }
  Connection probe(cluster->conninfo());
  cluster->server_version_ = std::atoi(probe.value("SHOW server_version_num").c_str());
  std::string version = probe.value("SHOW server_version");  // "15.14 (Debian 15.14-0+deb12u1)"
  cluster->version_ = version.substr(0, version.find(' '));
  if (options.major && cluster->server_version_ / 10000 != options.major)
    throw ServerError(cluster->bin_dir_ + " runs PostgreSQL " + cluster->version_ + ", not " + std::to_string(options.major));
  cluster->start_ms_ = elapsed_ms(started);
  std::string scratch = dir + "/spare";
  if (cluster_spare_wanted(template_dir, scratch)) cluster->spare_copier_pid_ = start_spare_copy(template_dir, scratch);
  return cluster;
}

// Stops the server here, where it is our child (immediate shutdown: the data is thrown away), and
// lets the spare's copy finish; the watchdog then removes the directory.
ThrowawayCluster::~ThrowawayCluster() {
  if (postmaster_pid_ > 0) end_child(postmaster_pid_, SIGQUIT, 5000);
  if (spare_copier_pid_ > 0) end_child(spare_copier_pid_, 0, 30000);
}

std::string ThrowawayCluster::conninfo(const std::string& dbname) const {
  return "host=" + directory_ + " port=5432 user=postgres dbname=" + dbname + " connect_timeout=10";
}

}  // namespace pgguard::server
