// A simple command: its assignments, words and redirections, up to the program that runs.
#include <algorithm>

#include "sinks/finder.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks::finder {

Stream Finder::redirected_input(const Command& command, Scope& scope, const Stream& piped, int depth) {
  Stream input = piped;
  for (const auto& redirect : command.redirects) {
    if (redirect.heredoc) {
      if (!redirect.heredoc->expands) {
        input = Stream::literal(redirect.heredoc->text);
      } else {
        std::string shape;
        auto text = resolve(redirect.heredoc->expanded, scope, depth, &shape);
        input = text ? Stream::literal(*text) : Stream::opaque("a here-document with values the guard cannot read", shape);
      }
    } else if (redirect.op == "<<<") {
      std::string shape;
      auto text = resolve(redirect.target, scope, depth, &shape);
      input = text ? Stream::literal(*text + "\n") : Stream::opaque("a here-string the guard cannot read", shape + "\n");
    } else if (redirect.op == "<" && (redirect.fd == -1 || redirect.fd == 0)) {
      auto path = resolve(redirect.target, scope, depth);
      if (path && is_dotenv_name(*path)) scope.signals.push_back({TargetSignal::Kind::DotenvFile, "dotenv file read", *path});
      MaybeText content = path ? read_file(*path, scope) : std::nullopt;
      input = content ? Stream::literal(*content) : Stream::opaque("the file " + redirect.target.source);
    } else if (redirect.op == "<&" && (redirect.fd == -1 || redirect.fd == 0)) {
      input = Stream::opaque("descriptor " + redirect.target.source);
    }
  }
  return input;
}

Stream Finder::run_simple(const Command& command, Scope& scope, const Stream& piped, int depth) {
  std::map<std::string, MaybeText> prefix;
  for (const auto& assignment : command.assignments) {
    if (assignment.is_array) {
      std::vector<MaybeText> elements;
      for (const auto& a : resolve_words(assignment.elements, scope, depth)) elements.push_back(a.text);
      auto& array = scope.arrays[assignment.name];
      if (!assignment.append) array.clear();
      array.insert(array.end(), elements.begin(), elements.end());
      prefix[assignment.name] = array.empty() ? MaybeText("") : array.front();
      continue;
    }
    MaybeText value = resolve(assignment.value, scope, depth);
    if (assignment.append) {
      MaybeText old = lookup(assignment.name, scope);
      value = old && value ? MaybeText(*old + *value) : std::nullopt;
    }
    prefix[assignment.name] = value;
  }
  Args args = resolve_words(command.words, scope, depth);
  Stream input = redirected_input(command, scope, piped, depth);

  std::vector<std::string> outputs;
  for (const auto& redirect : command.redirects) {
    bool to_file = redirect.op == ">" || redirect.op == ">>" || redirect.op == ">|" || redirect.op == "&>" ||
                   redirect.op == "&>>";
    if (!to_file || (redirect.fd != -1 && redirect.fd != 1 && redirect.op[0] != '&')) continue;
    auto path = resolve(redirect.target, scope, depth);
    if (!path) continue;
    if (is_config_file(*path)) report_.config_writes.push_back(*path);
    outputs.push_back(resolve_path(scope.cwd, *path));
  }

  if (args.empty()) {
    for (auto& [name, value] : prefix) {
      scope.vars[name] = value;
      note_connection_export(name, value, scope, "assignment");
    }
    for (const auto& path : outputs) scope.files[path] = std::string();
    return {};
  }

  Exec exec{args, prefix, {}, input, scope.cwd, depth};
  Stream out = run_exec(exec, scope);
  for (const auto& path : outputs) {
    MaybeText content = out.kind == Stream::Kind::Literal ? MaybeText(out.text) : std::nullopt;
    scope.files[path] = content;
  }
  return outputs.empty() ? out : Stream{};
}

void Finder::note_connection_export(const std::string& name, const MaybeText& value, Scope& scope, const std::string& how) {
  if (!value) return;
  bool relevant = std::count(ctx_.connection_variables.begin(), ctx_.connection_variables.end(), name) ||
                  std::count(ctx_.environment_variables.begin(), ctx_.environment_variables.end(), name);
  if (relevant) {
    auto kind = std::count(ctx_.connection_variables.begin(), ctx_.connection_variables.end(), name)
                    ? TargetSignal::Kind::Connection
                    : TargetSignal::Kind::EnvironmentName;
    scope.signals.push_back({kind, name + " (" + how + ")", *value});
  }
}

// Connection and environment signals in effect for a command.
std::vector<TargetSignal> Finder::target_signals(const Exec& exec, const Scope& scope) const {
  std::map<std::string, std::pair<std::string, std::string>> values;  // name -> (value, source)
  for (const auto& [name, value] : ctx_.env) values[name] = {value, "hook environment"};
  for (const auto& [name, value] : scope.vars)
    if (value) values[name] = {*value, "set earlier in the command"};
  for (const auto& [name, value] : exec.env)
    if (value) values[name] = {*value, "command prefix"};
  std::vector<TargetSignal> signals = scope.signals;
  for (const auto& [name, entry] : values) {
    bool connection = std::count(ctx_.connection_variables.begin(), ctx_.connection_variables.end(), name) > 0;
    bool environment = std::count(ctx_.environment_variables.begin(), ctx_.environment_variables.end(), name) > 0;
    if (connection || environment)
      signals.push_back({connection ? TargetSignal::Kind::Connection : TargetSignal::Kind::EnvironmentName,
                         name + " (" + entry.second + ")", entry.first, name == "PGHOST" ? "host" : name == "PGDATABASE" ? "database" : ""});
  }
  if (auto file = values.find("PGSERVICEFILE"); file != values.end())
    signals.push_back({TargetSignal::Kind::ServiceFile, "PGSERVICEFILE (" + file->second.second + ")", resolve_path(scope.cwd, file->second.first)});
  signals.insert(signals.end(), exec.signals.begin(), exec.signals.end());
  return signals;
}

Stream Finder::run_exec(Exec& exec, Scope& scope) {
  for (int hops = 0; hops < 32; ++hops) {
    if (out_of_budget() || exec.args.empty()) return Stream::opaque("analysis stopped");
    if (!exec.args[0].text) {
      opaque("a command name the guard cannot resolve: " + exec.args[0].source);
      return Stream::opaque("output of " + exec.args[0].source);
    }
    std::string program = base_name(*exec.args[0].text);
    const std::string& written = *exec.args[0].text;
    if (auto alias = scope.aliases.find(written); alias != scope.aliases.end() && exec.depth < ctx_.max_depth) {
      // Aliases may be on in the agent's shell: expand them as bash would.
      std::string source = alias->second + " " + display(exec.args, 1);
      Scope inner = scope;
      inner.aliases.erase(written);
      return run_source(source, inner, exec.depth + 1, exec.input);
    }
    if (auto fn = scope.functions.find(program); fn != scope.functions.end() && exec.depth < ctx_.max_depth) {
      Scope inner = scope;
      std::vector<MaybeText> arguments;
      for (size_t i = 1; i < exec.args.size(); ++i) arguments.push_back(exec.args[i].text);
      inner.positional = arguments;
      inner.functions.erase(program);  // `psql() { command psql "$@"; }` calls the real psql
      return run_script(*fn->second, inner, exec.depth + 1, exec.input);
    }
    if (written.find('/') != std::string::npos && scope.files.count(resolve_path(scope.cwd, written)))
      return run_program_file(program, exec, scope);  // a script written earlier in the command, run by its path
    std::optional<bool> unwrapped = unwrap(program, exec, scope);
    if (!unwrapped) return Stream::opaque("output of " + program);
    if (!*unwrapped) {
      report_.trail.push_back("ran " + shorten(display(exec.args), 160));
      return dispatch(program, exec, scope);
    }
    report_.trail.push_back("unwrapped " + program);
  }
  opaque("more than 32 nested command wrappers");
  return Stream::opaque("wrappers");
}

}  // namespace pgguard::sinks::finder
