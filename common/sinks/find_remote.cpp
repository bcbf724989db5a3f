// Commands that run on another host or in a container: ssh, gcloud, heroku, su, docker, kubectl.
#include <algorithm>

#include "sinks/finder.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks::finder {

Stream Finder::run_ssh(const std::string&, Exec& exec, Scope&) {
  Args& a = exec.args;
  size_t i = skip_options(a, 1, {"-p", "-i", "-l", "-o", "-F", "-J", "-L", "-R", "-D", "-b", "-c", "-E", "-e", "-I",
                                 "-m", "-O", "-Q", "-S", "-W", "-w", "-B"});
  if (i >= a.size()) return {};
  exec.signals.push_back({TargetSignal::Kind::RemoteHost, "ssh host", a[i].text.value_or(a[i].source)});
  std::vector<std::string> words;
  for (size_t k = i + 1; k < a.size(); ++k) {
    if (!a[k].text) {
      opaque("ssh " + display(a, i));
      return Stream::opaque("ssh");
    }
    words.push_back(*a[k].text);
  }
  Scope remote;
  remote.cwd = exec.cwd;
  remote.signals = exec.signals;
  if (!words.empty()) return run_source(join(words, " "), remote, exec.depth + 1, exec.input);
  // Without a command, ssh runs its standard input as a script on the host.
  if (exec.input.kind == Stream::Kind::Literal) return run_source(exec.input.text, remote, exec.depth + 1);
  if (exec.input.kind != Stream::Kind::None) opaque(exec.input.text + " sent to ssh " + display(a, i));
  return Stream::opaque("ssh");
}

// gcloud compute ssh HOST --command "cmd" runs cmd on HOST.
Stream Finder::run_gcloud(const std::string& program, Exec& exec, Scope& scope) {
  Args& a = exec.args;
  if (a.size() < 4 || a[1].text.value_or("") != "compute" || a[2].text.value_or("") != "ssh") return run_default(program, exec, scope);
  std::string host;
  for (size_t i = 3; i < a.size(); ++i) {
    const std::string t = a[i].text.value_or("");
    if ((t == "--command" || starts_with(t, "--command=")) && (t.size() > 9 || i + 1 < a.size())) {
      Arg command = t.size() > 9 ? Arg{t.substr(10), t, t.substr(10)} : a[i + 1];
      exec.signals.push_back({TargetSignal::Kind::RemoteHost, "gcloud compute ssh host", host});
      Scope remote;
      remote.cwd = exec.cwd;
      remote.signals = exec.signals;
      if (!command.text) {
        opaque("gcloud compute ssh --command " + command.source);
        return Stream::opaque("gcloud");
      }
      return run_source(*command.text, remote, exec.depth + 1, exec.input);
    }
    if (host.empty() && !starts_with(t, "-")) host = t;
  }
  return {};
}

// heroku pg:psql [-a APP] [-c SQL] is psql against the app's database.
Stream Finder::run_heroku(const std::string& program, Exec& exec, Scope& scope) {
  Args& a = exec.args;
  if (a.size() < 2 || a[1].text.value_or("") != "pg:psql") {
    if (const CliTool* tool = ctx_.catalog ? ctx_.catalog().find_tool("heroku") : nullptr) return run_catalog_tool(*tool, program, exec, scope);
    return {};
  }
  Args psql = {{std::string("psql"), "psql", "psql"}};
  for (size_t i = 2; i < a.size(); ++i) {
    const std::string t = a[i].text.value_or("");
    if ((t == "-a" || t == "--app" || t == "-r" || t == "--remote") && i + 1 < a.size()) {
      exec.signals.push_back({TargetSignal::Kind::RemoteHost, "heroku app", a[i + 1].text.value_or(a[i + 1].source)});
      ++i;
    } else if (starts_with(t, "--app=")) {
      exec.signals.push_back({TargetSignal::Kind::RemoteHost, "heroku app", t.substr(6)});
    } else {
      psql.push_back(a[i]);
    }
  }
  exec.args = psql;
  return run_psql("psql", exec, scope);
}

Stream Finder::run_su(const std::string&, Exec& exec, Scope& scope) {
  Args& a = exec.args;
  for (size_t i = 1; i + 1 < a.size(); ++i) {
    if (a[i].text && (*a[i].text == "-c" || *a[i].text == "--command")) {
      if (!a[i + 1].text) {
        opaque("su -c " + a[i + 1].source);
        return Stream::opaque("su");
      }
      Scope inner = scope;
      return run_source(*a[i + 1].text, inner, exec.depth + 1);
    }
  }
  return {};
}

Stream Finder::run_docker(const std::string& program, Exec& exec, Scope& scope) {
  Args& a = exec.args;
  size_t i = skip_options(a, 1, {"--context", "-H", "--host", "-c", "--config", "-l", "--log-level"});
  ComposeOptions options;
  options.compose = program == "docker-compose" || program == "podman-compose";
  if (!options.compose && i < a.size() && a[i].text && *a[i].text == "compose") {
    options.compose = true;
    ++i;
  }
  if (options.compose) {
    while (i < a.size() && a[i].text && starts_with(*a[i].text, "-")) {
      const std::string& opt = *a[i].text;
      std::string value = i + 1 < a.size() ? a[i + 1].text.value_or("") : "";
      if (opt == "--env-file" && !value.empty()) load_dotenv(value, exec, scope);
      if (opt == "-f" || opt == "--file") options.files.push_back(value);
      if (opt == "-p" || opt == "--project-name") options.project = value;
      if (opt == "--project-directory") options.directory = value;
      static const std::set<std::string, std::less<>> kValue = {"-f", "--file", "-p", "--project-name", "--profile", "--env-file",
                                                                "--project-directory", "--ansi", "--parallel", "--progress"};
      i += kValue.count(opt) ? 2 : 1;
    }
  }
  if (i >= a.size() || !a[i].text) return {};
  judge_container_removal(options, i, exec, scope);
  bool compose = options.compose;
  if (!compose && *a[i].text == "container" && i + 1 < a.size()) ++i;  // docker container exec/run
  std::string sub = *a[i].text;
  std::set<std::string, std::less<>> value_options;
  if (sub == "exec") {
    value_options = {"-e", "--env", "--env-file", "-u", "--user", "-w", "--workdir", "--detach-keys", "--index"};
  } else if (sub == "run") {
    value_options = {"-e", "--env", "--env-file", "-v", "--volume", "-p", "--publish", "--name", "--network", "--net", "-w",
                     "--workdir", "-u", "--user", "--entrypoint", "-l", "--label", "--mount", "--add-host", "-h",
                     "--hostname", "--platform", "--pull", "--restart", "--cpus", "-m", "--memory", "--link"};
  } else {
    return {};
  }
  size_t j = skip_options(a, i + 1, value_options);
  if (j >= a.size()) return {};
  exec.signals.push_back({TargetSignal::Kind::RemoteHost, compose ? "compose service" : (sub == "run" ? "container image" : "container"),
                          a[j].text.value_or(a[j].source)});
  for (size_t k = i + 1; k < j; ++k) {  // -e NAME=VALUE passes the environment in
    if (a[k].text && (*a[k].text == "-e" || *a[k].text == "--env") && k + 1 < j && a[k + 1].text) {
      const std::string& kv = *a[k + 1].text;
      if (size_t eq = kv.find('='); eq != std::string::npos) exec.env[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
  }
  Args command(a.begin() + static_cast<long>(j + 1), a.end());
  if (command.empty()) return {};
  Exec inner = exec;
  inner.args = command;
  inner.depth = exec.depth + 1;
  Scope container;
  container.cwd = exec.cwd;
  container.signals = exec.signals;
  return run_exec(inner, container);
}

Stream Finder::run_kubectl(const std::string&, Exec& exec, Scope& scope) {
  Args& a = exec.args;
  static const std::set<std::string, std::less<>> kValue = {"-n", "--namespace", "--context", "--cluster", "--user", "--kubeconfig",
                                                            "-c", "--container", "-f", "--filename", "-s", "--server",
                                                            "--pod-running-timeout"};
  size_t exec_at = a.size();
  for (size_t i = 1; i < a.size(); ++i) {
    if (!a[i].text) continue;
    const std::string& t = *a[i].text;
    for (const char* flag : {"--context", "-n", "--namespace", "--cluster"}) {
      if (t == flag && i + 1 < a.size() && a[i + 1].text)
        exec.signals.push_back({TargetSignal::Kind::RemoteHost, std::string("kubectl ") + flag, *a[i + 1].text});
      else if (starts_with(t, std::string(flag) + "="))
        exec.signals.push_back({TargetSignal::Kind::RemoteHost, std::string("kubectl ") + flag, t.substr(std::string(flag).size() + 1)});
    }
    if ((t == "exec" || t == "run" || t == "debug") && exec_at == a.size()) exec_at = i;
    if (t == "use-context" && i + 1 < a.size() && a[i + 1].text)
      scope.signals.push_back({TargetSignal::Kind::RemoteHost, "kubectl context", *a[i + 1].text});
    if (kValue.count(t)) ++i;
  }
  if (exec_at == a.size()) return {};
  size_t command_at = a.size();
  for (size_t i = exec_at + 1; i < a.size(); ++i)
    if (a[i].text && *a[i].text == "--") {
      command_at = i + 1;
      break;
    }
  size_t pod = skip_options(a, exec_at + 1, kValue);
  if (pod < a.size()) exec.signals.push_back({TargetSignal::Kind::RemoteHost, "kubectl pod", a[pod].text.value_or(a[pod].source)});
  if (command_at == a.size()) command_at = pod + 1;
  Args command(a.begin() + static_cast<long>(std::min(command_at, a.size())), a.end());
  if (command.empty()) return {};
  Exec inner = exec;
  inner.args = command;
  inner.depth = exec.depth + 1;
  Scope pod_scope;
  pod_scope.cwd = exec.cwd;
  pod_scope.signals = scope.signals;  // kubectl config use-context earlier in the command
  pod_scope.signals.insert(pod_scope.signals.end(), exec.signals.begin(), exec.signals.end());
  return run_exec(inner, pod_scope);
}

}  // namespace pgguard::sinks::finder
