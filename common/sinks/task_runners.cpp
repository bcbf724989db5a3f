#include "sinks/task_runners.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <stdexcept>

#include "util/json_fields.h"
#include "util/embedded.h"
#include "util/text.h"

namespace pgguard::sinks {
namespace {

constexpr char kUnknown[] = "pgguard_unknown";


// Make's $(VAR) and ${VAR}: known variables by value, $(MAKE) as make, $(shell cmd) as $(cmd),
// other functions as an unknown word, the rest left to the shell's environment; $$ is $.
std::string expand_make(const std::string& line, const std::map<std::string, std::string>& vars, int depth = 0) {
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '$' || i + 1 >= line.size()) {
      out += line[i];
      continue;
    }
    char open = line[i + 1];
    if (open == '$') {
      out += '$';
      ++i;
      continue;
    }
    if (open != '(' && open != '{') {
      out += line[i];
      continue;
    }
    char close = open == '(' ? ')' : '}';
    int level = 0;
    size_t end = i + 1;
    for (; end < line.size(); ++end) {
      if (line[end] == open) ++level;
      if (line[end] == close && --level == 0) break;
    }
    if (end >= line.size()) {
      out += line.substr(i);
      break;
    }
    std::string inside = line.substr(i + 2, end - i - 2);
    i = end;
    if (inside == "MAKE") out += "make";
    else if (auto it = vars.find(inside); it != vars.end()) out += depth < 8 ? expand_make(it->second, vars, depth + 1) : kUnknown;
    else if (starts_with(inside, "shell ")) out += "$(" + inside.substr(6) + ")";
    else if (inside.find(' ') != std::string::npos || inside.find(',') != std::string::npos) out += kUnknown;  // a make function
    else out += "${" + inside + "}";
  }
  return out;
}

RecipeBook read_makefile(const std::string& text) {
  RecipeBook book;
  std::map<std::string, std::string> vars;
  Recipe* current = nullptr;
  std::string pending;  // a line continued with a backslash
  for (std::string line : split_lines(text)) {
    if (!pending.empty()) line = pending + line;
    pending.clear();
    if (!line.empty() && line.back() == '\\') {
      pending = line.substr(0, line.size() - 1) + " ";
      continue;
    }
    if (current && !line.empty() && line[0] == '\t') {
      std::string command = trim(line);
      while (!command.empty() && (command[0] == '@' || command[0] == '-' || command[0] == '+')) command = trim(command.substr(1));
      if (!command.empty() && command[0] != '#') current->lines.push_back(expand_make(command, vars));
      continue;
    }
    std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    size_t assign = t.find('=');
    size_t colon = t.find(':');
    if (assign != std::string::npos && (colon == std::string::npos || colon > assign || (colon + 1 == assign))) {
      std::string name = trim(t.substr(0, assign));
      while (!name.empty() && std::strchr(":?+!", name.back())) name.pop_back();
      if (starts_with(name, "export ")) name = trim(name.substr(7));
      vars[trim(name)] = trim(t.substr(assign + 1));
      current = nullptr;
      continue;
    }
    if (colon == std::string::npos || line[0] == ' ' || line[0] == '\t') {
      current = nullptr;
      continue;
    }
    std::vector<std::string> targets = split_words(t.substr(0, colon));
    std::string rest = t.substr(colon + 1);
    if (starts_with(rest, ":")) rest = rest.substr(1);
    if (size_t semicolon = rest.find(';'); semicolon != std::string::npos) rest = rest.substr(0, semicolon);
    Recipe recipe;
    recipe.dependencies = split_words(expand_make(rest, vars));
    current = nullptr;
    for (const auto& target : targets) {
      if (book.first.empty() && target[0] != '.' && target.find('%') == std::string::npos) book.first = target;
      book.recipes.push_back({target, recipe});
      current = &book.recipes.back().second;
    }
    if (targets.size() != 1) current = nullptr;  // several targets share a recipe: rare in task files
  }
  return book;
}

// just: `name arg *args: dep1 dep2`, then an indented body; {{...}} is not known.
RecipeBook read_justfile(const std::string& text) {
  RecipeBook book;
  Recipe* current = nullptr;
  for (const std::string& line : split_lines(text)) {
    std::string t = trim(line);
    if (current && !line.empty() && indentation(line) > 0) {
      std::string command = t;
      while (!command.empty() && (command[0] == '@' || command[0] == '-')) command = trim(command.substr(1));
      for (size_t open = command.find("{{"); open != std::string::npos; open = command.find("{{", open)) {
        size_t close = command.find("}}", open);
        if (close == std::string::npos) break;
        command.replace(open, close + 2 - open, kUnknown);
      }
      if (!command.empty() && !(command[0] == '#' && command.rfind("#!", 0) != 0)) current->lines.push_back(command);
      continue;
    }
    current = nullptr;
    if (t.empty() || t[0] == '#' || t[0] == '[' || line[0] == ' ' || line[0] == '\t') continue;
    size_t colon = t.find(':');
    if (colon == std::string::npos || t.compare(colon, 2, ":=") == 0) continue;  // a variable
    std::vector<std::string> head = split_words(t.substr(0, colon));
    if (head.empty() || head[0] == "set" || head[0] == "alias" || head[0] == "export" || head[0] == "import" || head[0] == "mod") continue;
    std::string name = head[0][0] == '@' ? head[0].substr(1) : head[0];
    Recipe recipe;
    recipe.dependencies = split_words(t.substr(colon + 1));
    if (book.first.empty()) book.first = name;
    book.recipes.push_back({name, recipe});
    current = &book.recipes.back().second;
  }
  return book;
}

// Taskfile.yml, read by indentation: tasks: / NAME: / cmds: / - command (or - task: OTHER, or
// - cmd: command), `deps: [a, b]`; {{...}} is not known.
RecipeBook read_taskfile(const std::string& text) {
  RecipeBook book;
  size_t tasks_indent = std::string::npos, task_indent = std::string::npos;
  Recipe* current = nullptr;
  bool in_cmds = false, in_deps = false;
  size_t list_indent = 0;
  auto unquote = [](std::string v) {
    v = trim(v);
    if (v.size() >= 2 && (v[0] == '"' || v[0] == '\'') && v.back() == v[0]) v = v.substr(1, v.size() - 2);
    for (size_t open = v.find("{{"); open != std::string::npos; open = v.find("{{", open)) {
      size_t close = v.find("}}", open);
      if (close == std::string::npos) break;
      v.replace(open, close + 2 - open, kUnknown);
    }
    return v;
  };
  for (const std::string& line : split_lines(text)) {
    std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    size_t indent = indentation(line);
    if (tasks_indent == std::string::npos) {
      if (t == "tasks:") tasks_indent = indent;
      continue;
    }
    if (indent <= tasks_indent) break;
    if (task_indent == std::string::npos || indent == task_indent) {
      if (t.back() != ':' && t.find(':') == std::string::npos) continue;
      task_indent = indent;
      size_t colon = t.back() == ':' ? t.size() - 1 : t.find(": ");  // `db:reset:` names the task db:reset
      if (colon == std::string::npos) colon = t.find(':');
      std::string name = unquote(t.substr(0, colon));
      std::string inline_command = trim(t.substr(colon + 1));
      Recipe recipe;
      if (!inline_command.empty()) recipe.lines.push_back(unquote(inline_command));  // name: command
      if (book.first.empty() || name == "default") book.first = name;
      book.recipes.push_back({name, recipe});
      current = &book.recipes.back().second;
      in_cmds = in_deps = false;
      continue;
    }
    if (!current) continue;
    if (starts_with(t, "cmds:") || starts_with(t, "cmd:")) {
      std::string value = trim(t.substr(t.find(':') + 1));
      if (!value.empty() && value != "|" && value != ">") current->lines.push_back(unquote(value));
      in_cmds = true;
      in_deps = false;
      list_indent = indent;
      continue;
    }
    if (starts_with(t, "deps:")) {
      std::string value = trim(t.substr(5));
      if (starts_with(value, "["))
        for (auto& dep : split_words(value.substr(1, value.find(']') - 1))) current->dependencies.push_back(unquote(dep.back() == ',' ? dep.substr(0, dep.size() - 1) : dep));
      in_deps = true;
      in_cmds = false;
      list_indent = indent;
      continue;
    }
    if (indent <= list_indent) in_cmds = in_deps = false;
    if (!starts_with(t, "- ")) {
      if (in_cmds && indent > list_indent && starts_with(t, "cmd:")) current->lines.push_back(unquote(t.substr(4)));
      continue;
    }
    std::string item = trim(t.substr(2));
    if (in_deps) current->dependencies.push_back(unquote(starts_with(item, "task:") ? item.substr(5) : item));
    else if (in_cmds && starts_with(item, "task:")) current->lines.push_back("task " + unquote(item.substr(5)));
    else if (in_cmds && starts_with(item, "cmd:")) current->lines.push_back(unquote(item.substr(4)));
    else if (in_cmds) current->lines.push_back(unquote(item));
  }
  return book;
}

}  // namespace

const Recipe* RecipeBook::find(const std::string& name) const {
  for (const auto& [recipe_name, recipe] : recipes)
    if (recipe_name == name) return &recipe;
  return nullptr;
}

RecipeBook read_recipes(const std::string& format, const std::string& text) {
  if (format == "make") return read_makefile(text);
  if (format == "just") return read_justfile(text);
  if (format == "taskfile") return read_taskfile(text);
  return {};
}

const TaskRunnerCatalog& TaskRunnerCatalog::builtin() {
  static const TaskRunnerCatalog catalog = load(embedded_file("task_runners.json"));
  return catalog;
}

TaskRunnerCatalog TaskRunnerCatalog::load(std::string_view json_text) {
  using namespace json_fields;
  rapidjson::Document doc;
  parse_catalog(doc, json_text, "task_runners.json");
  TaskRunnerCatalog catalog;
  if (const rapidjson::Value* list = member(doc, "runners"); list && list->IsArray())
    for (const rapidjson::Value& entry : list->GetArray())
      catalog.runners_.push_back({strings(entry, "programs"), text(entry, "format"), strings(entry, "files"), strings(entry, "file_flags"),
                                  strings(entry, "dir_flags"), strings(entry, "value_flags"), strings(entry, "subcommand"),
                                  strings(entry, "dry_flags")});
  return catalog;
}

const TaskRunner* TaskRunnerCatalog::find(std::string_view program) const {
  for (const auto& runner : runners_)
    if (std::find(runner.programs.begin(), runner.programs.end(), program) != runner.programs.end()) return &runner;
  return nullptr;
}

}  // namespace pgguard::sinks
