// Package managers and runners: npx, npm/pnpm/yarn/bun and the package.json scripts they run.
#include <algorithm>

#include "sinks/finder.h"
#include "sinks/package_scripts.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks::finder {

Stream Finder::run_npx(const std::string&, Exec& exec, Scope& scope) {
  Args& a = exec.args;
  size_t i = 1;
  while (i < a.size() && a[i].text && starts_with(*a[i].text, "-")) {
    const std::string& opt = *a[i].text;
    if (opt == "--") {
      ++i;
      break;
    }
    if ((opt == "-c" || opt == "--call") && i + 1 < a.size()) {
      if (!a[i + 1].text) {
        opaque("npx -c " + a[i + 1].source);
        return Stream::opaque("npx");
      }
      Scope inner = scope;
      return run_source(*a[i + 1].text, inner, exec.depth + 1);
    }
    i += (opt == "-p" || opt == "--package") ? 2 : 1;
  }
  return run_bin(exec, i, scope);
}

Stream Finder::run_bin(Exec& exec, size_t at, Scope& scope) {
  exec.args.erase(exec.args.begin(), exec.args.begin() + static_cast<long>(std::min(at, exec.args.size())));
  if (exec.args.empty()) return {};
  if (exec.args[0].text) {  // npx prisma@5 -> prisma
    std::string name = *exec.args[0].text;
    size_t at_sign = name.find('@', 1);
    if (at_sign != std::string::npos) exec.args[0].text = name.substr(0, at_sign);
  }
  return run_exec(exec, scope);
}

Stream Finder::run_package_manager(const std::string& pm, Exec& exec, Scope& scope) {
  Args& a = exec.args;
  static const std::set<std::string, std::less<>> kDirFlags = {"--prefix", "-C", "--dir", "--cwd"};
  static const std::set<std::string, std::less<>> kValue = {"--prefix", "-C", "--dir", "--cwd", "--filter", "-F", "-w", "--workspace"};
  std::string cwd = exec.cwd;
  size_t i = 1;
  while (i < a.size() && a[i].text && starts_with(*a[i].text, "-")) {
    const std::string& opt = *a[i].text;
    if (kDirFlags.count(opt) && i + 1 < a.size() && a[i + 1].text) cwd = resolve_path(exec.cwd, *a[i + 1].text);
    if (starts_with(opt, "--env-file=")) load_dotenv(opt.substr(11), exec, scope);
    i += kValue.count(opt) ? 2 : 1;
  }
  if (i >= a.size() || !a[i].text) return {};
  std::string sub = *a[i].text;
  exec.cwd = cwd;
  static const std::set<std::string, std::less<>> kScriptAliases = {"test", "t", "tst", "start", "stop", "restart"};
  if (pm == "yarn" && sub == "workspaces" && i + 1 < a.size() && a[i + 1].text.value_or("") == "foreach") {
    for (size_t k = i + 2; k + 1 < a.size(); ++k)  // yarn workspaces foreach [-A] run NAME
      if (a[k].text.value_or("") == "run" && a[k + 1].text) return run_workspace_scripts(pm, {*a[k + 1].text}, true, exec, scope);
    return {};
  }
  if (pm == "yarn" && sub == "workspace") return i + 2 < a.size() ? run_package_manager_at(pm, exec, i + 2, scope) : Stream{};
  if (sub == "run" || sub == "run-script" || sub == "rum" || sub == "urn") return run_named_script(pm, exec, i + 1, scope, pm != "npm");
  if (sub == "exec" || sub == "x" || sub == "dlx") return run_bin(exec, skip_options(a, i + 1, {"-p", "--package"}), scope);
  if (kScriptAliases.count(sub)) return run_named_script(pm, exec, i, scope);
  static const std::set<std::string, std::less<>> kBuiltins = {
      "install", "i", "ci", "add", "remove", "rm", "uninstall", "un", "update", "up", "upgrade", "outdated", "list", "ls",
      "why", "audit", "store", "publish", "pack", "link", "unlink", "import", "rebuild", "rb", "prune", "config", "init",
      "create", "setup", "env", "server", "licenses", "patch", "patch-commit", "deploy", "fetch", "root", "bin", "info",
      "view", "version", "login", "logout", "whoami", "cache", "help", "dedupe", "doctor", "build", "pm", "upgrade-interactive",
      "set", "plugin", "constraints", "npm", "explain", "node", "search", "owner", "team", "token", "hook", "fund", "repo",
      "docs", "home", "bugs", "edit", "explore", "completion", "shrinkwrap", "star", "stars", "unstar", "access", "adduser",
      "dist-tag", "ping", "prefix", "profile", "query", "sbom", "pkg", "org", "diff", "install-test", "it", "install-ci-test"};
  if (kBuiltins.count(sub) || pm == "npm") return {};
  return run_named_script(pm, exec, i, scope, /*bin_fallback=*/true);
}

Stream Finder::run_package_manager_at(const std::string& pm, Exec& exec, size_t at, Scope& scope) {
  exec.args.erase(exec.args.begin() + 1, exec.args.begin() + static_cast<long>(at));
  return run_package_manager(pm, exec, scope);
}

Stream Finder::run_named_script(const std::string& pm, Exec& exec, size_t at, Scope& scope, bool bin_fallback) {
  Args& a = exec.args;
  size_t i = skip_options(a, at, {"--filter", "-F", "-w", "--workspace"});
  if (i >= a.size()) return {};
  if (!a[i].text) {
    opaque(pm + " run " + a[i].source);
    return Stream::opaque("script");
  }
  std::string name = *a[i].text;
  Args extra(a.begin() + static_cast<long>(i + 1), a.end());
  if (!extra.empty() && extra[0].text && *extra[0].text == "--") extra.erase(extra.begin());
  auto package = load_package_scripts(exec.cwd, ctx_.max_file_bytes);
  bool found = package && package->scripts.count(name);
  bool every_workspace = std::any_of(extra.begin(), extra.end(), [](const Arg& x) { return x.text && (*x.text == "--workspaces" || *x.text == "-ws"); });
  if (package && (every_workspace || (!found && workspace_defines(*package, name))))  // pnpm -F pkg x, npm run x --workspaces
    return run_workspace_scripts(pm, {name}, true, exec, scope);
  if (!found && bin_fallback && !(ctx_.catalog && ctx_.catalog().judge_script_name(name))) return run_bin(exec, i, scope);
  std::string command = pm + " run " + name + (extra.empty() ? "" : " " + display(extra));
  if (!found) {
    judge_script(name, command, exec, scope, /*why_unresolved=*/"");
    return Stream::opaque("script");
  }
  if (exec.depth >= ctx_.max_depth) {
    judge_script(name, command, exec, scope, "the script chain is deeper than " + std::to_string(ctx_.max_depth) + " levels");
    return Stream::opaque("script");
  }
  report_.trail.push_back("resolved " + command + " through " + package->directory + "/package.json");
  size_t before = event_count();
  Stream out;
  std::vector<std::string> order;
  if (pm == "npm" && package->scripts.count("pre" + name)) order.push_back("pre" + name);
  order.push_back(name);
  if (pm == "npm" && package->scripts.count("post" + name)) order.push_back("post" + name);
  for (const auto& script_name : order) {
    std::string body = package->scripts.at(script_name);
    if (script_name == name)
      for (const auto& e : extra) body += " " + (e.text ? shell_quote(*e.text) : e.source);
    Scope inner;
    inner.cwd = package->directory;
    inner.vars = scope.vars;
    for (const auto& [k, v] : exec.env) inner.vars[k] = v;
    inner.signals = scope.signals;
    inner.signals.insert(inner.signals.end(), exec.signals.begin(), exec.signals.end());
    out = run_source(body, inner, exec.depth + 1);
  }
  if (event_count() == before) judge_script(name, command, exec, scope, "");
  return out;
}

void Finder::judge_script(const std::string& name, const std::string& command, Exec& exec, Scope& scope, const std::string& unresolved) {
  const CliSubcommand* judgement = ctx_.catalog ? ctx_.catalog().judge_script_name(name) : nullptr;
  if (!judgement) {
    if (!unresolved.empty()) opaque(command + ": " + unresolved);
    return;
  }
  if (judgement->cls == CliClass::Safe) return;
  add_project_dotenv(exec, scope);
  report_.clis.push_back({"package.json script", command, *judgement, target_signals(exec, scope)});
}

// ORMs and migration tools load the project's .env on their own.
void Finder::add_project_dotenv(Exec& exec, Scope& scope) {
  bool has_url = exec.env.count("DATABASE_URL") || scope.vars.count("DATABASE_URL") || ctx_.env.count("DATABASE_URL");
  if (has_url) return;
  std::string dir = find_upward(exec.cwd, ".env");
  if (dir.empty()) return;
  auto text = read_file_bounded(resolve_path(dir, ".env"), ctx_.max_file_bytes);
  if (!text) return;
  auto vars = parse_dotenv(*text);
  if (auto it = vars.find("DATABASE_URL"); it != vars.end()) {
    exec.env["DATABASE_URL"] = it->second;
    exec.signals.push_back({TargetSignal::Kind::Connection, "DATABASE_URL (from " + resolve_path(dir, ".env") + ")", it->second});
    exec.env.erase("DATABASE_URL");  // the signal carries it; the value is not a prefix assignment
  }
  for (const auto& name : ctx_.direct_variables)  // the direct connection a migration tool may prefer (Prisma's directUrl)
    if (auto it = vars.find(name); it != vars.end() && !ctx_.env.count(name))
      exec.signals.push_back({TargetSignal::Kind::Connection, name + " (from " + resolve_path(dir, ".env") + ")", it->second});
}

}  // namespace pgguard::sinks::finder
