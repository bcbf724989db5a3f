// The cluster itself: removing a data directory (rm -r, find -delete) and removing the container
// volumes that hold PostgreSQL's data (docker compose down -v, docker volume rm, docker rm -v).
#include <algorithm>

#include "sinks/cluster.h"
#include "sinks/finder.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks::finder {
namespace {

std::string fill(std::string text, const std::string& found) {
  if (size_t at = text.find("{found}"); at != std::string::npos) text.replace(at, 7, found);
  return text;
}

bool names_variable(const std::string& source, const std::vector<std::string>& variables) {
  return std::any_of(variables.begin(), variables.end(), [&](const std::string& v) {
    return source.find("$" + v) != std::string::npos || source.find("${" + v) != std::string::npos;
  });
}

bool has_short_flag(const std::string& word, char letter) {
  return word.size() > 1 && word[0] == '-' && word[1] != '-' && word.find(letter) != std::string::npos;
}

}  // namespace

void Finder::report_cluster_loss(const std::string& tool, const std::string& what, const std::string& safe, Exec& exec, Scope& scope) {
  CliSubcommand judgement;
  judgement.cls = CliClass::Destructive;
  judgement.what = what;
  judgement.safe = safe;
  report_.clis.push_back({tool, display(exec.args), judgement, target_signals(exec, scope)});
}

void Finder::judge_removal(const std::string& tool, const Args& operands, bool recursive, Exec& exec, Scope& scope) {
  const ClusterCatalog& catalog = ClusterCatalog::builtin();
  std::vector<std::string> found;
  for (const auto& operand : operands) {
    if (names_variable(operand.source, catalog.variables)) {
      found.push_back(operand.source);
    } else if (operand.text) {
      if (auto dir = data_directory_at(resolve_path(scope.cwd, *operand.text), recursive, catalog))
        found.push_back(*dir + " holds " + catalog.marker);
    }
  }
  if (found.empty()) return;
  report_cluster_loss(tool, fill(catalog.data_what, join(found, ", ")), catalog.data_safe, exec, scope);
}

Stream Finder::run_remove(const std::string& program, Exec& exec, Scope& scope) {
  note_config_writes(program, exec.args);
  bool recursive = false, options = true;
  Args operands;
  for (size_t i = 1; i < exec.args.size(); ++i) {
    const std::string word = exec.args[i].text.value_or("");
    if (options && word == "--") {
      options = false;
    } else if (options && word.size() > 1 && word[0] == '-') {
      recursive = recursive || word == "--recursive" || has_short_flag(word, 'r') || has_short_flag(word, 'R');
    } else {
      operands.push_back(exec.args[i]);
    }
  }
  judge_removal(program, operands, recursive, exec, scope);
  return run_default(program, exec, scope);
}

// The compose projects a docker command acts on: the -f files (or COMPOSE_FILE), else the first
// compose file in the directory or a few parents, as compose looks for them.
std::vector<PostgresData> Finder::compose_postgres_data(const ComposeOptions& options, Exec& exec, Scope& scope) {
  const ClusterCatalog& catalog = ClusterCatalog::builtin();
  std::vector<std::string> files = options.files;
  std::string dir = options.directory.empty() ? scope.cwd : resolve_path(scope.cwd, options.directory);
  if (files.empty()) {
    MaybeText variable = exec.env.count("COMPOSE_FILE") ? exec.env["COMPOSE_FILE"] : lookup("COMPOSE_FILE", scope);
    if (variable) {
      for (size_t start = 0; start <= variable->size();) {
        size_t colon = std::min(variable->find(':', start), variable->size());
        if (colon > start) files.push_back(variable->substr(start, colon - start));
        start = colon + 1;
      }
    }
  }
  if (files.empty()) {
    std::string search = dir;
    for (size_t level = 0; level <= catalog.compose_parent_levels && files.empty() && !search.empty(); ++level) {
      for (const auto& name : catalog.compose_files)
        if (is_regular_file(search + "/" + name)) {
          files.push_back(search + "/" + name);
          break;
        }
      search = search == "/" ? "" : search.substr(0, std::max<size_t>(search.find_last_of('/'), 1));
    }
  }
  std::vector<PostgresData> out;
  for (const auto& file : files) {
    std::string full = resolve_path(dir, file);
    MaybeText text = read_file(full, scope);
    if (!text) continue;
    ComposeProject project = read_compose(*text);
    std::string name = options.project;
    if (name.empty()) name = exec.env.count("COMPOSE_PROJECT_NAME") && exec.env["COMPOSE_PROJECT_NAME"]
                                 ? *exec.env["COMPOSE_PROJECT_NAME"]
                                 : lookup("COMPOSE_PROJECT_NAME", scope).value_or("");
    if (name.empty()) name = project.name;
    if (name.empty()) name = compose_project_name(options.directory.empty() ? full.substr(0, full.find_last_of('/')) : dir);
    for (auto& data : postgres_data(project, name, catalog)) {
      data.file = file;
      out.push_back(std::move(data));
    }
  }
  return out;
}

// docker compose down -v / rm -v, docker volume rm / prune, docker system prune --volumes,
// docker [container] rm -v: the volumes that go, when they hold PostgreSQL's data.
void Finder::judge_container_removal(const ComposeOptions& options, size_t at, Exec& exec, Scope& scope) {
  const ClusterCatalog& catalog = ClusterCatalog::builtin();
  std::vector<std::string> words, operands;
  for (size_t i = at; i < exec.args.size(); ++i) words.push_back(exec.args[i].text.value_or(exec.args[i].source));
  for (size_t i = 1; i < words.size(); ++i)
    if (words[i].empty() || words[i][0] != '-') operands.push_back(words[i]);
  auto flag = [&](const char* long_flag, char letter) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return w == long_flag || (letter && has_short_flag(w, letter)); });
  };
  std::string command = words.empty() ? "" : words[0];
  if (!options.compose && (command == "volume" || command == "container" || command == "system") && !operands.empty()) {
    command += " " + operands.front();  // docker volume rm, docker container rm, docker system prune
    operands.erase(operands.begin());
  }
  if (command == "container rm" || command == "container remove") command = "rm";
  if (command == "volume remove") command = "volume rm";
  bool removes = (command == "down" && options.compose && flag("--volumes", 'v')) || (command == "rm" && flag("--volumes", 'v')) ||
                 command == "volume rm" || command == "volume prune" || (command == "system prune" && flag("--volumes", 0));
  if (!removes) return;
  std::vector<PostgresData> data = compose_postgres_data(options, exec, scope);
  auto service_text = [](const PostgresData& d) {
    return "service " + d.service + " of " + d.file + (d.volumes.empty() ? " (an anonymous volume)" : " (volume " + join(d.volumes, ", ") + ")");
  };
  std::vector<std::string> found;
  if (command == "down" || command == "volume prune" || command == "system prune") {
    for (const auto& d : data)
      if (!d.volumes.empty() || d.anonymous) found.push_back(service_text(d));
  } else if (command == "volume rm") {
    for (const auto& name : operands) {
      bool listed = std::any_of(data.begin(), data.end(), [&](const PostgresData& d) { return std::count(d.volumes.begin(), d.volumes.end(), name) > 0; });
      if (listed || RE2::PartialMatch(name, *catalog.volume_name)) found.push_back("volume " + name);
    }
  } else if (options.compose) {  // compose rm -v [SERVICE...]: the services' anonymous volumes
    for (const auto& d : data)
      if (d.anonymous && (operands.empty() || std::count(operands.begin(), operands.end(), d.service))) found.push_back(service_text(d));
  } else {  // docker rm -v CONTAINER...: the containers' anonymous volumes
    for (const auto& name : operands) {
      auto d = std::find_if(data.begin(), data.end(), [&](const PostgresData& p) { return p.container == name; });
      bool anonymous = d != data.end() ? d->anonymous : RE2::PartialMatch(name, *catalog.container_name);
      if (anonymous) found.push_back("container " + name + " (its anonymous data volume)");
    }
  }
  if (found.empty()) return;
  report_cluster_loss(options.compose ? "docker compose" : "docker", fill(catalog.volumes_what, join(found, "; ")), catalog.volumes_safe, exec,
                      scope);
}

}  // namespace pgguard::sinks::finder
