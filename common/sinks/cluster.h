#pragma once
// The PostgreSQL cluster itself as something a command can destroy: its data directory on disk and
// the container volumes that hold it (config/cluster.json). Stopping the server is catalog data
// (pg_ctl, pg_ctlcluster, systemctl... in config/cli_catalog.json).
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

namespace pgguard::sinks {

struct ClusterCatalog {
  // Data directories.
  std::string marker;                  // PG_VERSION: a folder holding it is a data directory
  size_t scan_depth = 3;               // how deep below a removed folder the marker is looked for
  size_t scan_entries = 256;           // and how many directory entries are read at most
  std::vector<std::string> variables;  // PGDATA: a word naming it names the data directory
  std::vector<std::string> paths;      // globs of well-known data directories
  std::vector<std::string> cluster_files;  // names inside a data directory that break the cluster when removed
  std::string data_what, data_safe;
  // Containers.
  std::vector<std::string> compose_files;
  size_t compose_parent_levels = 3;
  std::vector<std::string> postgres_images;
  std::vector<std::string> data_paths;  // container paths of the data directory
  std::string default_data_path;        // the postgres image's VOLUME
  std::shared_ptr<RE2> volume_name, container_name;
  std::string volumes_what, volumes_safe;
  // Scratch databases.
  std::shared_ptr<RE2> scratch_name;     // a database named like test_x, app_dev, tmp_1
  std::vector<std::string> local_hosts;  // and a server on this machine ("" is the default one)

  bool local_host(const std::string& host) const;

  static const ClusterCatalog& builtin();
  static ClusterCatalog load(std::string_view json_text);
  bool postgres_image(const std::string& image) const;
  bool data_path(const std::string& container_path) const;
};

// The data directory `path` is, is inside, or holds within the catalog's scan bounds; nullopt when
// none is found. `recursive`: the whole folder goes (rm -r), not only the file.
std::optional<std::string> data_directory_at(const std::string& path, bool recursive, const ClusterCatalog& catalog);

// For the prefilter, before any parse: whether a word after `rm` or `find` names a data directory
// on disk, relative to `cwd` or to a folder the command cd's into. An over-approximation of
// data_directory_at on the words as written (quotes dropped).
bool may_remove_data_directory(std::string_view command, const std::string& cwd);

// What a compose file says about volumes (read by indentation, enough for services/volumes).
struct ComposeMount {
  std::string source;  // a named volume's key, a host path, or empty (anonymous)
  std::string target;  // the path in the container
  bool named = false;
};
struct ComposeService {
  std::string name, image, container_name;
  std::vector<ComposeMount> mounts;
};
struct ComposeProject {
  std::string name;     // top-level name:, empty when not given
  std::string file;     // where it was read
  std::vector<ComposeService> services;
  std::map<std::string, std::string> volume_names;  // key -> Docker name, when `name:` or `external` fixes it
};
ComposeProject read_compose(const std::string& text);

// A PostgreSQL service's data: the named volumes (as Docker names them) and whether the data
// directory lives in an anonymous volume (no mount covers it), which `rm -v` removes too.
struct PostgresData {
  std::string service;
  std::string file;                    // the compose file that defines it
  std::string container;               // container_name, or <project>-<service>-1
  std::vector<std::string> volumes;    // Docker volume names
  bool anonymous = false;
};
std::vector<PostgresData> postgres_data(const ComposeProject& project, const std::string& project_name, const ClusterCatalog& catalog);

// Compose's default project name for a directory: its base name, lower case, [a-z0-9_-] only.
std::string compose_project_name(const std::string& directory);

}  // namespace pgguard::sinks
