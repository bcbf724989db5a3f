#include "server/cluster_template.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <functional>

#include "util/environment.h"
#include "util/files.h"

namespace pgguard::server {

namespace fs = std::filesystem;

namespace {

bool give_to_postgres(const std::string& dir) {
  struct passwd* pw = getpwnam("postgres");
  if (!pw || ::lchown(dir.c_str(), pw->pw_uid, pw->pw_gid) != 0) return false;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (::lchown(it->path().c_str(), pw->pw_uid, pw->pw_gid) != 0) return false;
  return !ec;
}

// Copies the template's data directory to `data`, owned by `postgres` when we are root.
bool copy_template_data(const std::string& template_dir, const std::string& data) {
  std::error_code ec;
  fs::copy(template_dir + "/data", data, fs::copy_options::recursive, ec);
  if (!ec && ::chmod(data.c_str(), 0700) != 0) ec = std::error_code(errno, std::generic_category());
  bool ok = !ec;
  if (ok && geteuid() == 0) ok = give_to_postgres(data);  // the server refuses a data directory it does not own
  if (!ok) fs::remove_all(data, ec);
  return ok && is_regular_file(data + "/PG_VERSION");
}

}  // namespace

std::string cluster_template_dir(const std::string& bin_dir, const std::vector<std::string>& initdb_options) {
  std::string cache = user_cache_dir(process_environment());
  struct stat st {};
  if (cache.empty() || ::stat((bin_dir + "/initdb").c_str(), &st) != 0) return "";
  // The binaries as they are now (a reinstalled server gets a new template) and the options.
  std::string identity = bin_dir + "|" + std::to_string(st.st_size) + "|" + std::to_string(st.st_mtim.tv_sec) + "|" +
                         std::to_string(geteuid() == 0);
  for (const auto& option : initdb_options) identity += "|" + option;
  char key[17];
  std::snprintf(key, sizeof(key), "%016zx", std::hash<std::string>{}(identity));
  return cache + "/clusters/" + key;
}

bool copy_cluster_template(const std::string& template_dir, const std::string& data) {
  if (template_dir.empty() || !is_regular_file(template_dir + "/data/PG_VERSION")) return false;
  // Another start may take the spare first: the rename is atomic, and the loser copies.
  return ::rename((template_dir + "/spare").c_str(), data.c_str()) == 0 || copy_template_data(template_dir, data);
}

bool cluster_spare_wanted(const std::string& template_dir, const std::string& scratch) {
  struct stat cache {}, target {};
  return !template_dir.empty() && is_regular_file(template_dir + "/data/PG_VERSION") && !is_directory(template_dir + "/spare") &&
         ::stat(template_dir.c_str(), &cache) == 0 && ::stat(fs::path(scratch).parent_path().c_str(), &target) == 0 &&
         cache.st_dev == target.st_dev;
}

void make_cluster_spare(const std::string& template_dir, const std::string& scratch) {
  // Renamed only when whole; a spare some other start made first is kept (the rename fails).
  if (copy_template_data(template_dir, scratch) && ::rename(scratch.c_str(), (template_dir + "/spare").c_str()) != 0)
    remove_tree(scratch);
}

void keep_cluster_template(const std::string& data, const std::string& template_dir) {
  std::string parent = fs::path(template_dir).parent_path().string();
  if (template_dir.empty() || !make_directories(parent, 0700)) return;
  // Copied under a name of its own and renamed: a start reads a whole template or none.
  std::string partial = make_temp_directory(".template", parent);
  if (partial.empty()) return;
  std::error_code ec;
  fs::copy(data, partial + "/data", fs::copy_options::recursive, ec);
  if (ec || ::rename(partial.c_str(), template_dir.c_str()) != 0) remove_tree(partial);
}

}  // namespace pgguard::server
