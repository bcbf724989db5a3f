#include "sinks/cluster.h"

#include <dirent.h>
#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <stdexcept>

#include "util/embedded.h"
#include "util/files.h"
#include "util/json_fields.h"
#include "util/text.h"

namespace pgguard::sinks {
namespace {

bool glob_any(const std::vector<std::string>& patterns, const std::string& text) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) { return fnmatch(p.c_str(), text.c_str(), 0) == 0; });
}

std::string parent_of(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return "";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string without_trailing_slashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (ends_with(path, "/.")) path.resize(path.size() - 2);
  return path;
}

bool holds_marker(const std::string& dir, const ClusterCatalog& catalog) { return is_regular_file(dir + "/" + catalog.marker); }

// The sub-folders of `dir`, at most `budget` entries read in all.
std::vector<std::string> subdirectories(const std::string& dir, size_t& budget) {
  std::vector<std::string> out;
  DIR* handle = opendir(dir.c_str());
  if (!handle) return out;
  while (budget > 0) {
    dirent* entry = readdir(handle);
    if (!entry) break;
    --budget;
    std::string name = entry->d_name;
    if (name == "." || name == ".." || name == "node_modules" || name == ".git") continue;
    std::string path = dir + "/" + name;
    if (entry->d_type == DT_DIR || (entry->d_type == DT_UNKNOWN && is_directory(path))) out.push_back(path);
  }
  closedir(handle);
  return out;
}

// A data directory at or below `dir`, breadth first within the catalog's depth and entry bounds.
// The bounds keep `rm -rf node_modules` cheap; a data directory deeper down is not looked for.
std::optional<std::string> marker_below(const std::string& dir, const ClusterCatalog& catalog) {
  size_t budget = catalog.scan_entries;
  std::deque<std::pair<std::string, size_t>> queue{{dir, 0}};
  while (!queue.empty()) {
    auto [current, depth] = queue.front();
    queue.pop_front();
    if (holds_marker(current, catalog)) return current;
    if (depth >= catalog.scan_depth || budget == 0) continue;
    for (auto& sub : subdirectories(current, budget)) queue.emplace_back(std::move(sub), depth + 1);
  }
  return std::nullopt;
}

std::string unquote(std::string v) {
  v = trim(v);
  if (v.size() >= 2 && (v[0] == '"' || v[0] == '\'') && v.back() == v[0]) v = v.substr(1, v.size() - 2);
  return v;
}

// `key: value` -> (key, value); the key empty when the line is not one.
std::pair<std::string, std::string> key_value(const std::string& t) {
  size_t colon = t.find(':');
  if (colon == std::string::npos || (colon + 1 < t.size() && t[colon + 1] != ' ')) return {"", ""};
  return {unquote(t.substr(0, colon)), unquote(t.substr(colon + 1))};
}

// Short syntax: `name:/path[:mode]`, `./host:/path`, `/path` (anonymous).
ComposeMount short_mount(const std::string& spec) {
  ComposeMount mount;
  size_t colon = spec.find(':');
  if (colon == std::string::npos) {
    mount.target = spec;
    return mount;
  }
  mount.source = spec.substr(0, colon);
  std::string rest = spec.substr(colon + 1);
  mount.target = rest.substr(0, rest.find(':'));
  char first = mount.source.empty() ? '/' : mount.source[0];
  mount.named = first != '.' && first != '/' && first != '~' && first != '$';
  return mount;
}

}  // namespace

const ClusterCatalog& ClusterCatalog::builtin() {
  static const ClusterCatalog catalog = load(embedded_file("cluster.json"));
  return catalog;
}

ClusterCatalog ClusterCatalog::load(std::string_view json_text) {
  using namespace json_fields;
  rapidjson::Document doc;
  parse_catalog(doc, json_text, "cluster.json");
  ClusterCatalog c;
  if (const rapidjson::Value* d = member(doc, "data_directory")) {
    c.marker = text(*d, "marker", "PG_VERSION");
    c.scan_depth = count(*d, "scan_depth");
    c.scan_entries = count(*d, "scan_entries");
    c.variables = strings(*d, "variables");
    c.paths = strings(*d, "paths");
    c.cluster_files = strings(*d, "cluster_files");
    c.data_what = text(*d, "what");
    c.data_safe = text(*d, "safe");
  }
  if (const rapidjson::Value* k = member(doc, "containers")) {
    c.compose_files = strings(*k, "compose_files");
    c.compose_parent_levels = count(*k, "compose_parent_levels");
    c.postgres_images = strings(*k, "postgres_images");
    c.data_paths = strings(*k, "data_paths");
    c.default_data_path = text(*k, "default_data_path");
    for (auto [key, slot] : {std::pair{"volume_name_pattern", &c.volume_name}, std::pair{"container_name_pattern", &c.container_name}}) {
      *slot = std::make_shared<RE2>(text(*k, key, "$^"), RE2::Quiet);
      if (!(*slot)->ok()) throw std::runtime_error(std::string("cluster.json: bad ") + key + ": " + (*slot)->error());
    }
    c.volumes_what = text(*k, "volumes_what");
    c.volumes_safe = text(*k, "volumes_safe");
  }
  const rapidjson::Value* scratch = member(doc, "scratch");
  c.scratch_name = std::make_shared<RE2>(scratch ? text(*scratch, "database_pattern", "$^") : "$^", RE2::Quiet);
  if (!c.scratch_name->ok()) throw std::runtime_error("cluster.json: bad database_pattern: " + c.scratch_name->error());
  if (scratch) c.local_hosts = strings(*scratch, "local_hosts");
  return c;
}

bool ClusterCatalog::local_host(const std::string& host) const {
  std::string h = to_lower(host);
  return std::find(local_hosts.begin(), local_hosts.end(), h) != local_hosts.end() || starts_with(h, "/") || starts_with(h, "%2f");
}

bool ClusterCatalog::postgres_image(const std::string& image) const { return glob_any(postgres_images, to_lower(image)); }

bool ClusterCatalog::data_path(const std::string& container_path) const {
  return glob_any(data_paths, without_trailing_slashes(container_path));
}

std::optional<std::string> data_directory_at(const std::string& raw, bool recursive, const ClusterCatalog& catalog) {
  std::string path = without_trailing_slashes(raw);
  if (path.empty()) return std::nullopt;
  // A glob the shell did not expand (pgdata/*): everything in its folder goes.
  if (size_t glob = path.find_first_of("*?["); glob != std::string::npos) {
    std::string dir = parent_of(path.substr(0, glob + 1));
    if (!dir.empty() && holds_marker(dir, catalog)) return dir;
    path = dir;
    recursive = true;
    if (path.empty()) return std::nullopt;
  }
  // A data directory, or inside one a file the cluster cannot lose (PG_VERSION, base, pg_wal...).
  std::string below;  // the first component under the ancestor being looked at
  for (std::string dir = path; !dir.empty(); below = dir.substr(dir.find_last_of('/') + 1), dir = parent_of(dir)) {
    bool vital = below.empty() || std::find(catalog.cluster_files.begin(), catalog.cluster_files.end(), below) != catalog.cluster_files.end();
    if (vital && holds_marker(dir, catalog)) return dir;
    // A well-known location (/var/lib/postgresql) holds clusters further down: any folder of it goes.
    if ((vital || recursive) && glob_any(catalog.paths, dir)) return dir;
    if (dir == "/") break;
  }
  if (recursive && is_directory(path)) return marker_below(path, catalog);
  return std::nullopt;
}

bool may_remove_data_directory(std::string_view command, const std::string& cwd) {
  if (cwd.empty() || (command.find("rm") == std::string_view::npos && command.find("find") == std::string_view::npos)) return false;
  const ClusterCatalog& catalog = ClusterCatalog::builtin();
  std::vector<std::string> dirs{cwd};
  bool operands = false, cd = false;
  for (std::string word : split_words(command)) {
    word.erase(std::remove_if(word.begin(), word.end(), [](char c) { return c == '\'' || c == '"'; }), word.end());
    bool separator = word == ";" || word == "&&" || word == "||" || word == "|" || word == "&";
    if (!word.empty() && word.back() == ';') {
      word.pop_back();
      separator = true;
    }
    if (cd && !word.empty()) dirs.push_back(resolve_path(cwd, word));
    cd = word == "cd" || word == "pushd";
    std::string program = base_name(word);
    if (separator || program == "rm" || program == "find") {
      operands = !separator;
      continue;
    }
    if (!operands || word.empty() || word[0] == '-') continue;
    for (const auto& dir : dirs)
      if (data_directory_at(resolve_path(dir, word), true, catalog)) return true;
  }
  return false;
}

ComposeProject read_compose(const std::string& text) {
  ComposeProject project;
  enum class Section { None, Services, Volumes } section = Section::None;
  size_t item_indent = std::string::npos;  // services / top-level volumes entries
  ComposeService* service = nullptr;
  std::string volume_key;
  bool in_mounts = false;
  size_t mounts_indent = 0;
  ComposeMount* long_mount = nullptr;
  for (const std::string& line : split_lines(text)) {
    std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    size_t indent = indentation(line);
    auto [key, value] = key_value(t);
    if (indent == 0) {
      section = key == "services" ? Section::Services : key == "volumes" ? Section::Volumes : Section::None;
      if (key == "name") project.name = value;
      item_indent = std::string::npos;
      service = nullptr;
      in_mounts = false;
      continue;
    }
    if (section == Section::None) continue;
    if (item_indent == std::string::npos) item_indent = indent;
    if (indent == item_indent) {
      in_mounts = false;
      long_mount = nullptr;
      if (section == Section::Services) {
        project.services.push_back({key, "", "", {}});
        service = &project.services.back();
      } else {
        volume_key = key;
      }
      continue;
    }
    if (section == Section::Volumes) {
      if (key == "name") project.volume_names[volume_key] = value;
      if (key == "external" && value == "true" && !project.volume_names.count(volume_key)) project.volume_names[volume_key] = volume_key;
      continue;
    }
    if (!service) continue;
    if (in_mounts && indent > mounts_indent) {
      if (starts_with(t, "- ")) {
        std::string item = trim(t.substr(2));
        auto [k, v] = key_value(item);
        if (k.empty()) {
          service->mounts.push_back(short_mount(unquote(item)));
          long_mount = nullptr;
          continue;
        }
        service->mounts.push_back({});
        long_mount = &service->mounts.back();
        key = k;
        value = v;
      }
      if (long_mount) {
        if (key == "source") long_mount->source = value;
        if (key == "target") long_mount->target = value;
        if (key == "type") long_mount->named = value == "volume";
      }
      continue;
    }
    in_mounts = false;
    if (key == "image") service->image = value;
    if (key == "container_name") service->container_name = value;
    if (key == "volumes") {
      in_mounts = true;
      mounts_indent = indent;
    }
  }
  for (auto& s : project.services)  // a long-syntax volume without a source is anonymous
    for (auto& m : s.mounts)
      if (m.source.empty()) m.named = false;
  return project;
}

std::vector<PostgresData> postgres_data(const ComposeProject& project, const std::string& project_name, const ClusterCatalog& catalog) {
  std::vector<PostgresData> out;
  for (const auto& service : project.services) {
    bool covered = false, anonymous_mount = false;
    PostgresData data;
    for (const auto& mount : service.mounts) {
      if (!catalog.data_path(mount.target)) continue;
      covered = true;
      if (mount.source.empty()) anonymous_mount = true;
      if (!mount.named) continue;
      auto fixed = project.volume_names.find(mount.source);
      data.volumes.push_back(fixed != project.volume_names.end() ? fixed->second : project_name + "_" + mount.source);
    }
    bool postgres = catalog.postgres_image(service.image) || covered;
    if (!postgres) continue;
    data.service = service.name;
    data.container = service.container_name.empty() ? project_name + "-" + service.name + "-1" : service.container_name;
    data.anonymous = anonymous_mount || !covered;
    out.push_back(std::move(data));
  }
  return out;
}

std::string compose_project_name(const std::string& directory) {
  std::string out;
  for (char c : to_lower(base_name(without_trailing_slashes(directory))))
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-') out += c;
  return out;
}

}  // namespace pgguard::sinks
