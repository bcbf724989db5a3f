// The program-to-handler table, and the shell builtins that change what later commands see.
#include <algorithm>
#include <map>

#include "sinks/finder.h"
#include "sinks/wrappers.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks::finder {

// Which handler runs which program (by base name). A program not listed is judged by the CLI
// catalog, or else only its output is computed (run_default).
const std::map<std::string, Finder::Handler, std::less<>>& Finder::handlers() {
  struct Entry {
    std::vector<const char*> programs;
    Handler handler;
  };
  static const std::map<std::string, Handler, std::less<>> table = [] {
    const std::vector<Entry> entries = {
        {{"psql", "pgcli", "usql"}, &Finder::run_psql},
        {{"rails", "rake", "manage.py", "django-admin"}, &Finder::run_framework_console},
        {{"php"}, &Finder::run_php},
        {{"eval"}, &Finder::run_eval},
        {{"source", "."}, &Finder::run_source_file},
        {{"cd", "pushd"}, &Finder::run_cd},
        {{"export", "declare", "typeset", "local", "readonly"}, &Finder::run_export},
        {{"set"}, &Finder::run_set},
        {{"alias"}, &Finder::run_alias},
        {{"read"}, &Finder::run_read},
        {{"printf"}, &Finder::run_printf},
        {{"unset", "shopt", "trap", "chmod"}, &Finder::run_nothing},
        {{"su"}, &Finder::run_su},
        {{"gcloud"}, &Finder::run_gcloud},
        {{"heroku"}, &Finder::run_heroku},
        {{"ssh"}, &Finder::run_ssh},
        {{"docker", "podman", "nerdctl", "docker-compose", "podman-compose"}, &Finder::run_docker},
        {{"kubectl", "oc"}, &Finder::run_kubectl},
        {{"npx", "bunx", "pnpx"}, &Finder::run_npx},
        {{"npm", "pnpm", "yarn", "bun"}, &Finder::run_package_manager},
        {{"dotenv", "dotenvx", "env-cmd"}, &Finder::run_dotenv},
        {{"tee", "cp", "mv", "install", "sed", "perl", "ln", "truncate"}, &Finder::run_file_writer},
        {{"rm"}, &Finder::run_remove},
    };
    std::map<std::string, Handler, std::less<>> out;
    for (const auto& entry : entries)
      for (const char* program : entry.programs) out.emplace(program, entry.handler);
    for (const auto& shell : kShells) out.emplace(shell, &Finder::run_shell);
    return out;
  }();
  return table;
}

Stream Finder::dispatch(const std::string& program, Exec& exec, Scope& scope) {
  const InterpreterCatalog& interpreters = InterpreterCatalog::builtin();
  std::vector<std::string> words;
  for (size_t i = 1; i < exec.args.size() && i < 4; ++i) words.push_back(exec.args[i].text.value_or(""));
  if (const Runner* runner = interpreters.runner(program, words)) return run_runner(*runner, program, exec, scope);
  if (auto it = handlers().find(program); it != handlers().end()) return (this->*it->second)(program, exec, scope);
  if (const Language* lang = interpreters.language_of_program(program)) return run_interpreter(*lang, program, exec, scope);
  if (const TaskRunner* runner = TaskRunnerCatalog::builtin().find(program)) return run_task_runner(*runner, program, exec, scope);
  return run_default(program, exec, scope);
}

Stream Finder::run_default(const std::string& program, Exec& exec, Scope& scope) {
  if (const CliTool* tool = ctx_.catalog ? ctx_.catalog().find_tool(program) : nullptr) return run_catalog_tool(*tool, program, exec, scope);
  if (exec.args[0].text && exec.args[0].text->find('/') != std::string::npos) return run_program_file(program, exec, scope);
  if (auto out = run_behind_unknown_wrapper(program, exec, scope)) return *out;
  return produce(program, exec, scope);
}

// A word list whose later part is a known database program (psql, pg_restore, dropdb, a migration
// CLI) runs that program, whatever the wrapper in front: it is judged as that program, and the
// reason says the wrapper was not recognised.
std::optional<Stream> Finder::run_behind_unknown_wrapper(const std::string& program, Exec& exec, Scope& scope) {
  const WrapperCatalog& wrappers = WrapperCatalog::builtin();
  if (wrappers.names_programs_as_data(program) || exec.depth >= ctx_.max_depth) return std::nullopt;
  for (size_t i = 1; i < exec.args.size(); ++i) {
    if (!exec.args[i].text || !wrappers.is_database_program(base_name(*exec.args[i].text))) continue;
    Exec inner = exec;
    inner.args.erase(inner.args.begin(), inner.args.begin() + static_cast<long>(i));
    inner.depth = exec.depth + 1;
    std::string note = "behind " + program + ", a wrapper the guard does not recognise";
    report_.trail.push_back("judged " + shorten(display(inner.args), 120) + " " + note);
    size_t sql_before = report_.sql.size(), clis_before = report_.clis.size();
    Stream out = run_exec(inner, scope);
    for (size_t k = sql_before; k < report_.sql.size(); ++k) report_.sql[k].via += " " + note;
    for (size_t k = clis_before; k < report_.clis.size(); ++k) {
      report_.clis[k].command = display(exec.args);
      report_.clis[k].judgement.what += " (run " + note + ")";
    }
    return out;
  }
  return std::nullopt;
}

Stream Finder::run_nothing(const std::string&, Exec&, Scope&) { return {}; }

Stream Finder::run_eval(const std::string&, Exec& exec, Scope& scope) {
  const Args& a = exec.args;
  for (size_t i = 1; i < a.size(); ++i)
    if (!a[i].text) {
      opaque("eval " + display(a, 1));
      return Stream::opaque("eval");
    }
  std::vector<std::string> words;
  for (size_t i = 1; i < a.size(); ++i) words.push_back(*a[i].text);
  return run_source(join(words, " "), scope, exec.depth + 1);
}

Stream Finder::run_cd(const std::string&, Exec& exec, Scope& scope) {
  const Args& a = exec.args;
  if (a.size() > 1 && a[1].text && *a[1].text != "-") scope.cwd = resolve_path(scope.cwd, *a[1].text);
  return {};
}

Stream Finder::run_export(const std::string& program, Exec& exec, Scope& scope) {
  const Args& a = exec.args;
  for (size_t i = 1; i < a.size(); ++i) {
    if (!a[i].text) continue;
    const std::string& t = *a[i].text;
    size_t eq = t.find('=');
    if (eq == std::string::npos || eq == 0 || t[0] == '-') continue;
    scope.vars[t.substr(0, eq)] = t.substr(eq + 1);
    note_connection_export(t.substr(0, eq), t.substr(eq + 1), scope, program);
  }
  return {};
}

Stream Finder::run_set(const std::string&, Exec& exec, Scope& scope) {
  const Args& a = exec.args;
  for (size_t i = 1; i < a.size(); ++i)
    if (a[i].text && *a[i].text == "--") {
      std::vector<MaybeText> positional;
      for (size_t k = i + 1; k < a.size(); ++k) positional.push_back(a[k].text);
      scope.positional = positional;
    }
  return {};
}

Stream Finder::run_alias(const std::string&, Exec& exec, Scope& scope) {
  const Args& a = exec.args;
  for (size_t i = 1; i < a.size(); ++i) {
    size_t eq = a[i].text ? a[i].text->find('=') : std::string::npos;
    if (eq != std::string::npos && eq > 0) scope.aliases[a[i].text->substr(0, eq)] = a[i].text->substr(eq + 1);
  }
  return {};
}

// printf -v NAME FORMAT ARGS assigns what it would print.
Stream Finder::run_printf(const std::string& program, Exec& exec, Scope& scope) {
  const Args& a = exec.args;
  if (a.size() <= 2 || !a[1].text || *a[1].text != "-v") return run_default(program, exec, scope);
  Args rest(a.begin() + 3, a.end());
  rest.insert(rest.begin(), a[0]);
  Exec formatted = exec;
  formatted.args = rest;
  Stream out = produce("printf", formatted, scope);
  scope.vars[a[2].text.value_or("")] = out.kind == Stream::Kind::Literal ? MaybeText(out.text) : std::nullopt;
  return {};
}

// Programs that may write the guard's or Claude Code's settings files.
Stream Finder::run_file_writer(const std::string& program, Exec& exec, Scope& scope) {
  note_config_writes(program, exec.args);
  if (const Language* lang = InterpreterCatalog::builtin().language_of_program(program)) return run_interpreter(*lang, program, exec, scope);
  return run_default(program, exec, scope);
}


// `read [-r] NAME...` takes the first line of its input into variables.
Stream Finder::run_read(const std::string&, Exec& exec, Scope& scope) {
  Args& a = exec.args;
  std::vector<std::string> names;
  std::string array;
  for (size_t i = 1; i < a.size(); ++i) {
    const std::string t = a[i].text.value_or("");
    if (t == "-a" && i + 1 < a.size()) array = a[++i].text.value_or("");
    else if (t == "-d" || t == "-p" || t == "-n" || t == "-N" || t == "-t" || t == "-u") ++i;
    else if (!starts_with(t, "-")) names.push_back(t);
  }
  if (names.empty() && array.empty()) names.push_back("REPLY");
  bool known = exec.input.kind == Stream::Kind::Literal;
  std::string line = known ? exec.input.text.substr(0, exec.input.text.find('\n')) : "";
  std::vector<std::string> fields = split_words(line);
  for (size_t i = 0; i < names.size(); ++i) {
    std::string value;
    if (i + 1 == names.size()) {  // the last name takes the rest of the line
      for (size_t k = i; k < fields.size(); ++k) value += (k > i ? " " : "") + fields[k];
    } else if (i < fields.size()) {
      value = fields[i];
    }
    scope.vars[names[i]] = known ? MaybeText(value) : std::nullopt;
  }
  if (!array.empty()) {
    auto& target = scope.arrays[array];
    target.clear();
    for (const auto& f : fields) target.push_back(known ? MaybeText(f) : std::nullopt);
  }
  return {};
}

void Finder::note_config_writes(const std::string& program, const Args& a) {
  bool in_place = program != "sed" && program != "perl";
  for (size_t i = 1; i < a.size(); ++i) {
    if (!a[i].text) continue;
    const std::string& t = *a[i].text;
    if (starts_with(t, "-i") || (program == "perl" && t.size() > 1 && t[0] == '-' && t[1] != '-' && t.find('i') != std::string::npos))
      in_place = true;
  }
  if (!in_place) return;
  // cp, install and ln write only their destination; mv also removes its sources.
  bool destination_only = program == "cp" || program == "install" || program == "ln";
  for (size_t i = destination_only ? a.size() - 1 : 1; i < a.size(); ++i)
    if (a[i].text && is_config_file(*a[i].text)) report_.config_writes.push_back(*a[i].text);
}

}  // namespace pgguard::sinks::finder
