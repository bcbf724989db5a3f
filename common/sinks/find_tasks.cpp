// Task runners: Make, just, Task, turbo, nx, npm-run-all and lerna. Recipe bodies are read and run
// like package.json scripts (depth-bounded, cycles cut); a task whose body cannot be read is judged
// by its name, like a script.
#include <fnmatch.h>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "sinks/finder.h"
#include "sinks/package_scripts.h"
#include "sinks/task_runners.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks::finder {
namespace {

constexpr size_t kMaxWorkspaceFolders = 64;

bool listed(const std::vector<std::string>& list, const std::string& word) { return std::find(list.begin(), list.end(), word) != list.end(); }

}  // namespace

bool Finder::workspace_defines(const PackageScripts& root, const std::string& name) const {
  for (const auto& folder : workspace_folders(root, kMaxWorkspaceFolders)) {
    auto package = load_package_scripts(folder, ctx_.max_file_bytes);
    if (package && package->directory == folder && package->scripts.count(name)) return true;
  }
  return false;
}

Stream Finder::run_task_runner(const TaskRunner& runner, const std::string& program, Exec& exec, Scope& scope) {
  const Args& a = exec.args;
  std::string dir = exec.cwd, file;
  std::vector<std::string> names;
  size_t i = 1;
  if (!runner.subcommand.empty() && i < a.size() && listed(runner.subcommand, a[i].text.value_or(""))) ++i;
  for (; i < a.size(); ++i) {
    if (!a[i].text) {
      opaque(program + " " + a[i].source);
      return Stream::opaque(program);
    }
    const std::string& word = *a[i].text;
    if (word == "--") break;  // arguments for the task
    std::string flag = word.substr(0, word.find('='));
    bool attached = word.find('=') != std::string::npos && starts_with(word, "--");
    std::string value = attached ? word.substr(word.find('=') + 1) : i + 1 < a.size() ? a[i + 1].text.value_or("") : "";
    if (listed(runner.file_flags, flag) || listed(runner.dir_flags, flag)) {
      if (listed(runner.file_flags, flag)) file = value;
      else dir = resolve_path(exec.cwd, value);
      if (!attached) ++i;
    } else if (listed(runner.dry_flags, word)) {
      return produce(program, exec, scope);
    } else if (listed(runner.value_flags, flag)) {
      if (!attached) ++i;
    } else if (starts_with(word, "-") || (runner.format == "make" && word.find('=') != std::string::npos)) {
      continue;  // a flag, or make VAR=value
    } else {
      names.push_back(word);
      if (runner.format == "just") break;  // the rest are the recipe's arguments
    }
  }
  if (runner.format == "scripts" || runner.format == "workspaces")
    return run_workspace_scripts(program, names, runner.format == "workspaces", exec, scope);
  if (runner.format == "nx") return run_nx(names, exec, scope);
  auto exists = [&](const std::string& p) { return is_regular_file(p) || scope.files.count(p); };
  if (file.empty())
    for (const auto& candidate : runner.files)
      if (exists(resolve_path(dir, candidate))) {
        file = candidate;
        break;
      }
  std::string path = resolve_path(dir, file);
  if (file.empty() || !exists(path)) {  // no recipe file to read: the task names alone say what it does
    for (const auto& name : names) judge_script(name, program + " " + name, exec, scope, "");
    return produce(program, exec, scope);
  }
  if (!take_file_budget(path)) return Stream::opaque(program);
  auto text = read_file(path, scope);
  if (!text) {
    opaque("the " + program + " file " + path + " is larger than " + std::to_string(ctx_.max_file_bytes) + " bytes, the most the guard reads");
    return Stream::opaque(program);
  }
  RecipeBook book = read_recipes(runner.format, *text);
  if (names.empty() && !book.first.empty()) names.push_back(book.first);
  report_.trail.push_back("read " + path);
  std::set<std::string> done;
  for (const auto& name : names) run_recipe(program, book, name, dir, exec, scope, done);
  return Stream::opaque("output of " + program);
}

void Finder::run_recipe(const std::string& program, const RecipeBook& book, const std::string& name, const std::string& dir, Exec& exec,
                        Scope& scope, std::set<std::string>& done) {
  if (!done.insert(name).second) return;  // each recipe runs once; a cycle is cut
  const Recipe* recipe = book.find(name);
  std::string command = program + " " + name;
  if (!recipe) {
    judge_script(name, command, exec, scope, "");
    return;
  }
  if (exec.depth >= ctx_.max_depth || done.size() > 64) {
    judge_script(name, command, exec, scope, "the recipe chain is deeper than the guard follows");
    return;
  }
  for (const auto& dependency : recipe->dependencies) run_recipe(program, book, dependency, dir, exec, scope, done);
  size_t before = event_count();
  Scope inner;
  inner.cwd = dir;
  inner.vars = scope.vars;
  for (const auto& [k, v] : exec.env) inner.vars[k] = v;
  inner.signals = scope.signals;
  inner.signals.insert(inner.signals.end(), exec.signals.begin(), exec.signals.end());
  report_.trail.push_back("resolved " + command);
  if (!recipe->lines.empty() && starts_with(recipe->lines[0], "#!")) {  // a just recipe with its own interpreter
    std::vector<std::string> body(recipe->lines.begin() + 1, recipe->lines.end());
    std::string interpreter = base_name(recipe->lines[0].substr(2, recipe->lines[0].find(' ') == std::string::npos ? std::string::npos : recipe->lines[0].find(' ') - 2));
    if (interpreter == "env" && recipe->lines[0].find(' ') != std::string::npos) interpreter = trim(recipe->lines[0].substr(recipe->lines[0].find(' ')));
    if (const Language* lang = InterpreterCatalog::builtin().language_of_program(interpreter)) run_code(*lang, join(body, "\n"), command, exec, inner, false);
    else if (kShells.count(interpreter)) run_source(join(body, "\n"), inner, exec.depth + 1);
  } else {
    for (const auto& line : recipe->lines) {
      if (out_of_budget()) return;
      Scope line_scope = inner;  // each line runs in a shell of its own
      run_source(line, line_scope, exec.depth + 1);
    }
  }
  if (event_count() == before) judge_script(name, command, exec, scope, "");
}

// npm-run-all a 'db:*': the package's scripts; turbo run a, lerna run a: the scripts of the
// workspace packages (the root's own script would call turbo again). A name no package defines is
// judged by its name.
Stream Finder::run_workspace_scripts(const std::string& program, const std::vector<std::string>& names, bool workspaces, Exec& exec,
                                     Scope& scope) {
  auto root = load_package_scripts(exec.cwd, ctx_.max_file_bytes);
  std::vector<std::string> folders;
  if (root && workspaces) folders = workspace_folders(*root, kMaxWorkspaceFolders);
  if (root && folders.empty()) folders.push_back(root->directory);
  for (const auto& pattern : names) {
    bool found = false;
    for (const auto& folder : folders) {
      auto package = load_package_scripts(folder, ctx_.max_file_bytes);
      if (!package || package->directory != folder) continue;
      for (const auto& [script, body] : package->scripts) {
        if (fnmatch(pattern.c_str(), script.c_str(), 0) != 0) continue;
        found = true;
        Exec inner = exec;
        inner.cwd = folder;
        inner.args = {{std::string("npm"), "npm", "npm"}, {std::string("run"), "run", "run"}, {script, script, script}};
        run_package_manager("npm", inner, scope);
      }
    }
    if (!found) judge_script(pattern, program + " " + pattern, exec, scope, "");
  }
  return Stream::opaque("output of " + program);
}

// nx run PROJECT:TARGET, nx TARGET PROJECT, nx run-many -t TARGET: the target's commands in the
// project's project.json, or the project's package.json script of that name.
Stream Finder::run_nx(const std::vector<std::string>& words, Exec& exec, Scope& scope) {
  std::string project, target;
  std::vector<std::string> rest = words;
  if (!rest.empty() && rest[0] == "run") rest.erase(rest.begin());
  bool many = !rest.empty() && (rest[0] == "run-many" || rest[0] == "affected");
  if (many) {
    for (size_t i = 0; i + 1 < exec.args.size(); ++i) {
      std::string w = exec.args[i].text.value_or("");
      if (w == "-t" || w == "--target" || w == "--targets") target = exec.args[i + 1].text.value_or("");
      else if (starts_with(w, "--target=") || starts_with(w, "--targets=")) target = w.substr(w.find('=') + 1);
    }
  } else if (!rest.empty() && rest[0].find(':') != std::string::npos) {
    project = rest[0].substr(0, rest[0].find(':'));
    target = rest[0].substr(rest[0].find(':') + 1);
  } else if (rest.size() >= 2) {
    target = rest[0];
    project = rest[1];
  }
  if (target.empty()) return produce("nx", exec, scope);
  auto root = load_package_scripts(exec.cwd, ctx_.max_file_bytes);
  std::string root_dir = root ? root->directory : exec.cwd;
  std::vector<std::string> folders{root_dir};
  if (root)
    for (const auto& folder : workspace_folders(*root, kMaxWorkspaceFolders)) folders.push_back(folder);
  for (const char* group : {"apps/*", "libs/*", "packages/*"}) {
    for (const auto& match : expand_glob(std::string(group) + "/project.json", root_dir)) {
      std::string folder = resolve_path(root_dir, match.substr(0, match.size() - std::string("/project.json").size()));
      if (std::find(folders.begin(), folders.end(), folder) == folders.end() && folders.size() < kMaxWorkspaceFolders) folders.push_back(folder);
    }
  }
  bool found = false;
  for (const auto& folder : folders) {
    auto text = read_file_bounded(resolve_path(folder, "project.json"), ctx_.max_file_bytes);
    auto doc = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
    std::string name = doc.is_object() && doc.contains("name") && doc["name"].is_string() ? doc["name"].get<std::string>() : base_name(folder);
    if (!project.empty() && name != project) continue;
    std::vector<std::string> commands;
    if (doc.is_object() && doc.contains("targets") && doc["targets"].is_object() && doc["targets"].contains(target)) {
      const auto& options = doc["targets"][target].value("options", nlohmann::json::object());
      if (options.contains("command") && options["command"].is_string()) commands.push_back(options["command"].get<std::string>());
      if (options.contains("commands") && options["commands"].is_array())
        for (const auto& c : options["commands"]) {
          if (c.is_string()) commands.push_back(c.get<std::string>());
          else if (c.is_object() && c.contains("command") && c["command"].is_string()) commands.push_back(c["command"].get<std::string>());
        }
    }
    for (const auto& command : commands) {
      found = true;
      Scope inner;
      inner.cwd = root_dir;  // nx:run-commands runs from the workspace root unless options.cwd says otherwise
      inner.vars = scope.vars;
      inner.signals = scope.signals;
      run_source(command, inner, exec.depth + 1);
    }
    if (commands.empty() && (!project.empty() || folder != root_dir)) {
      auto package = load_package_scripts(folder, ctx_.max_file_bytes);
      if (package && package->directory == folder && package->scripts.count(target)) {
        found = true;
        Exec inner = exec;
        inner.cwd = folder;
        inner.args = {{std::string("npm"), "npm", "npm"}, {std::string("run"), "run", "run"}, {target, target, target}};
        run_package_manager("npm", inner, scope);
      }
    }
  }
  if (!found) judge_script(target, "nx " + join(words, " "), exec, scope, "");
  return Stream::opaque("output of nx");
}

}  // namespace pgguard::sinks::finder
