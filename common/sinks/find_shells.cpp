// Shells, scripts they run or source, and dotenv loaders.
#include <algorithm>

#include "sinks/finder.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks::finder {

Stream Finder::run_shell(const std::string& program, Exec& exec, Scope& scope) {
  Args& a = exec.args;
  size_t i = 1;
  if (program == "busybox") {
    if (a.size() < 2 || !a[1].text || !kShells.count(*a[1].text)) return Stream::opaque("busybox");
    i = 2;
  }
  bool command_string = false, from_stdin = false;
  while (i < a.size() && a[i].text && (starts_with(*a[i].text, "-") || starts_with(*a[i].text, "+"))) {
    const std::string& opt = *a[i].text;
    if (opt == "--") {
      ++i;
      break;
    }
    if (opt[0] == '-' && opt.size() > 1 && opt[1] != '-' && opt.find('c') != std::string::npos) command_string = true;
    if (opt[0] == '-' && opt.size() > 1 && opt[1] != '-' && opt.find('s') != std::string::npos) from_stdin = true;
    if (opt == "-n" || opt == "--noexec" || (opt[0] == '-' && opt.size() > 1 && opt[1] != '-' && opt.find('n') != std::string::npos && !command_string))
      return {};  // bash -n reads the script without running it
    i += (opt == "-o" || opt == "+o" || opt == "-O" || opt == "+O" || opt == "--rcfile" || opt == "--init-file") ? 2 : 1;
  }
  if (command_string) {
    if (i >= a.size()) return {};
    if (!a[i].text) {
      opaque(program + " -c " + a[i].source);
      return Stream::opaque(program + " -c");
    }
    Scope inner;
    inner.cwd = exec.cwd;
    inner.vars = scope.vars;
    for (const auto& [name, value] : exec.env) inner.vars[name] = value;
    inner.files = scope.files;
    inner.functions = scope.functions;  // export -f
    inner.signals = scope.signals;
    inner.signals.insert(inner.signals.end(), exec.signals.begin(), exec.signals.end());
    std::vector<MaybeText> positional;  // bash -c 'script' $0 $1 $2 ...
    for (size_t k = i + 2; k < a.size(); ++k) positional.push_back(a[k].text);
    inner.positional = positional;
    if (i + 1 < a.size()) inner.dollar0 = a[i + 1].text;
    return run_source(*a[i].text, inner, exec.depth + 1, exec.input);
  }
  if (i < a.size() && !from_stdin) return run_script_file(a[i], exec, scope, /*same_scope=*/false);
  switch (exec.input.kind) {
    case Stream::Kind::Literal: {
      Scope inner = scope;
      inner.signals.insert(inner.signals.end(), exec.signals.begin(), exec.signals.end());
      return run_source(exec.input.text, inner, exec.depth + 1);
    }
    case Stream::Kind::Opaque:
    case Stream::Kind::Dump:
      opaque(exec.input.text + " piped into " + program);
      return Stream::opaque(program);
    case Stream::Kind::None:
      return {};
  }
  return {};
}

Stream Finder::run_script_file(const Arg& path, Exec& exec, Scope& scope, bool same_scope) {
  if (!path.text) {
    opaque("a script whose name the guard cannot resolve: " + path.source);
    return Stream::opaque("script");
  }
  if (written_opaquely(*path.text, scope)) {
    opaque("the script " + *path.text + ", written earlier in the command with content the guard cannot read");
    return Stream::opaque("script");
  }
  auto text = read_file(*path.text, scope);
  if (!text) return Stream::opaque("script " + *path.text);
  if (same_scope) return run_source(*text, scope, exec.depth + 1);
  Scope inner = scope;
  inner.signals.insert(inner.signals.end(), exec.signals.begin(), exec.signals.end());
  return run_source(*text, inner, exec.depth + 1);
}

Stream Finder::run_source_file(const std::string&, Exec& exec, Scope& scope) {
  if (exec.args.size() < 2) return {};
  const Arg& path = exec.args[1];
  if (path.text && is_dotenv_name(*path.text)) {
    Exec probe = exec;
    load_dotenv(*path.text, probe, scope);
    for (auto& [name, value] : probe.env) scope.vars[name] = value;
    scope.signals.insert(scope.signals.end(), probe.signals.begin(), probe.signals.end());
    return {};
  }
  return run_script_file(path, exec, scope, /*same_scope=*/true);
}

void Finder::load_dotenv(const std::string& path, Exec& exec, Scope& scope) {
  exec.signals.push_back({TargetSignal::Kind::DotenvFile, "dotenv file", path});
  auto text = read_file(path, scope);
  if (!text) return;
  for (const auto& [name, value] : parse_dotenv(*text)) {
    exec.env[name] = value;
    bool connection = std::count(ctx_.connection_variables.begin(), ctx_.connection_variables.end(), name) > 0;
    bool environment = std::count(ctx_.environment_variables.begin(), ctx_.environment_variables.end(), name) > 0;
    if (connection || environment)
      exec.signals.push_back({connection ? TargetSignal::Kind::Connection : TargetSignal::Kind::EnvironmentName,
                              name + " (from " + path + ")", value});
  }
}

Stream Finder::run_dotenv(const std::string& program, Exec& exec, Scope& scope) {
  Args& a = exec.args;
  size_t i = 1;
  if (program == "dotenvx" && i < a.size() && a[i].text && *a[i].text == "run") ++i;
  while (i < a.size() && a[i].text && starts_with(*a[i].text, "-")) {
    const std::string& opt = *a[i].text;
    if (opt == "--") {
      ++i;
      break;
    }
    if (opt == "-c" && i + 1 < a.size() && a[i + 1].text && !starts_with(*a[i + 1].text, "-") && *a[i + 1].text != "--") {
      // dotenv -c ENV loads .env.ENV.local, .env.ENV, ...
      load_dotenv(".env." + *a[i + 1].text, exec, scope);
      exec.signals.push_back({TargetSignal::Kind::EnvironmentName, "dotenv -c", *a[i + 1].text});
    }
    bool file_flag = opt == "-e" || opt == "-f" || opt == "--env-file" || opt == "--file";
    if (file_flag && i + 1 < a.size() && a[i + 1].text) load_dotenv(*a[i + 1].text, exec, scope);
    else if (starts_with(opt, "--env-file=") || starts_with(opt, "-f=")) load_dotenv(opt.substr(opt.find('=') + 1), exec, scope);
    i += file_flag || opt == "-v" || opt == "-c" ? 2 : 1;
  }
  if (i >= a.size()) return {};
  if (program == "dotenv" && std::none_of(a.begin(), a.end(), [](const Arg& x) { return x.text && (*x.text == "-e" || *x.text == "-c"); }))
    load_dotenv(".env", exec, scope);
  exec.args.erase(exec.args.begin(), exec.args.begin() + static_cast<long>(i));
  return run_exec(exec, scope);
}

}  // namespace pgguard::sinks::finder
