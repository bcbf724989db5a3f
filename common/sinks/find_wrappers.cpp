// Commands that run another command (sudo, env, timeout, xargs, ...; find -exec is in find_walk.cpp).
#include <algorithm>
#include <cstring>
#include <map>

#include "shell/parser.h"
#include "sinks/finder.h"
#include "sinks/wrappers.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks::finder {
namespace {

// Removes the first n words; true while a command is left, nullopt when none is.
std::optional<bool> drop(Exec& exec, size_t n) {
  Args& a = exec.args;
  a.erase(a.begin(), a.begin() + static_cast<long>(std::min(n, a.size())));
  if (a.empty()) return std::nullopt;
  return true;
}

// NAME=VALUE words from i on set the command's environment; returns the index after them.
size_t take_assignments(Exec& exec, size_t i) {
  const Args& a = exec.args;
  while (i < a.size() && a[i].text && a[i].text->find('=') != std::string::npos && a[i].text->find('=') > 0 && (*a[i].text)[0] != '-') {
    const std::string& t = *a[i].text;
    exec.env[t.substr(0, t.find('='))] = t.substr(t.find('=') + 1);
    ++i;
  }
  return i;
}

// Where an option's value is: the next word (`-c x`, `-qc x`: a short flag may end a bundle) or the
// word itself (`--command=x`); npos when `word` is not that option.
enum class ValueAt { None, Next, Attached };
ValueAt option_value(const std::string& word, const std::string& option) {
  if (word == option) return ValueAt::Next;
  if (starts_with(option, "--")) return starts_with(word, option + "=") ? ValueAt::Attached : ValueAt::None;
  bool bundle = option.size() == 2 && word.size() > 2 && word[0] == '-' && word[1] != '-' && word.back() == option[1] &&
                std::all_of(word.begin() + 1, word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  return bundle ? ValueAt::Next : ValueAt::None;
}

}  // namespace

// A wrapper listed in config/wrappers.json: finds where its command starts.
std::optional<bool> Finder::unwrap_listed(const Wrapper& wrapper, Exec& exec, Scope& scope) {
  Args& a = exec.args;
  size_t start = 1;
  for (const auto& word : wrapper.subcommand) {
    if (start >= a.size() || a[start].text.value_or("") != word) return false;
    ++start;
  }
  if (!wrapper.remote.empty()) {
    size_t at = skip_options(a, start, {wrapper.value_flags.begin(), wrapper.value_flags.end()});
    std::string where = at < a.size() && wrapper.skip > 0 ? a[at].text.value_or(a[at].source) : wrapper.program;
    for (size_t i = start; i + 1 < a.size(); ++i)
      if (a[i].text && std::find(wrapper.target_flags.begin(), wrapper.target_flags.end(), *a[i].text) != wrapper.target_flags.end())
        where = a[i + 1].text.value_or(a[i + 1].source);
    exec.signals.push_back({TargetSignal::Kind::RemoteHost, wrapper.remote, where});
  }
  std::string how = wrapper.program + (wrapper.subcommand.empty() ? "" : " " + join(wrapper.subcommand, " "));
  for (size_t i = start; i < a.size(); ++i) {
    const std::string word = a[i].text.value_or("");
    if (word == "--") break;
    for (const auto& option : wrapper.string_flags) {
      ValueAt at = option_value(word, option);
      if (at == ValueAt::Attached) return run_string(Arg{word.substr(option.size() + 1), a[i].source, {}}, how + " " + option, exec, scope);
      if (at == ValueAt::Next && i + 1 < a.size()) return run_string(a[i + 1], how + " " + option, exec, scope);
    }
    for (const auto& option : wrapper.argv_flags)
      if (option_value(word, option) == ValueAt::Next) return drop(exec, i + 1);
  }
  if (wrapper.after_dashdash)
    for (size_t i = start; i < a.size(); ++i)
      if (a[i].text && *a[i].text == "--") return command_words(wrapper, how, exec, scope, i + 1);
  if (!wrapper.string_flags.empty() || !wrapper.argv_flags.empty()) return std::nullopt;  // an interactive session
  if (!wrapper.no_options) start = skip_options(a, start, {wrapper.value_flags.begin(), wrapper.value_flags.end()});
  start += wrapper.skip;
  if (start < a.size() && a[start].text && *a[start].text == "--") ++start;
  if (wrapper.assignments) start = take_assignments(exec, start);
  return command_words(wrapper, how, exec, scope, start);
}

// The wrapper's command from word `start` on: argv words, one command line, or one per word.
std::optional<bool> Finder::command_words(const Wrapper& wrapper, const std::string& how, Exec& exec, Scope& scope, size_t start) {
  const Args& a = exec.args;
  bool one_line = wrapper.string_command && start + 1 == a.size() && (!a[start].text || a[start].text->find(' ') != std::string::npos);
  if (one_line) return run_string(a[start], how, exec, scope);
  if (wrapper.each_string) {
    for (size_t i = start; i < a.size(); ++i) {
      Scope inner = scope;
      if (a[i].text) run_source(*a[i].text, inner, exec.depth + 1);
      else opaque(how + " " + a[i].source);
    }
    return std::nullopt;
  }
  return drop(exec, start);
}

// Removes one wrapper (sudo, env, nice, ...) from exec.args. true: unwrapped, look again;
// false: not a wrapper; nullopt: the wrapper runs nothing the guard follows.
std::optional<bool> Finder::unwrap(const std::string& program, Exec& exec, Scope& scope) {
  Args& a = exec.args;
  for (const Wrapper* wrapper : WrapperCatalog::builtin().find(program))
    if (auto unwrapped = unwrap_listed(*wrapper, exec, scope); !unwrapped || *unwrapped) return unwrapped;
  if (program == "env") {
    size_t i = 1;
    while (i < a.size() && a[i].text && starts_with(*a[i].text, "-")) {
      const std::string& opt = *a[i].text;
      if (opt == "--") {
        ++i;
        break;
      }
      if (opt == "-S" || opt == "--split-string" || starts_with(opt, "--split-string=") || (starts_with(opt, "-S") && opt.size() > 2)) {
        std::string split = opt == "-S" || opt == "--split-string" ? (i + 1 < a.size() && a[i + 1].text ? *a[i + 1].text : "")
                            : starts_with(opt, "-S") ? opt.substr(2) : opt.substr(opt.find('=') + 1);
        size_t used = opt == "-S" || opt == "--split-string" ? 2 : 1;
        Args rest(a.begin() + static_cast<long>(i + used), a.end());
        auto parsed = shell::parse(split);
        Args words;
        if (!parsed.script->lists.empty() && !parsed.script->lists[0].pipelines.empty())
          words = resolve_words(parsed.script->lists[0].pipelines[0].commands[0].words, scope, exec.depth);
        for (const auto& assignment : parsed.script->lists.empty() || parsed.script->lists[0].pipelines.empty()
                                          ? std::vector<shell::Assignment>{}
                                          : parsed.script->lists[0].pipelines[0].commands[0].assignments)
          exec.env[assignment.name] = resolve(assignment.value, scope, exec.depth);
        words.insert(words.end(), rest.begin(), rest.end());
        a = words;
        return a.empty() ? std::optional<bool>() : std::optional<bool>(true);
      }
      bool value = opt == "-u" || opt == "--unset" || opt == "-C" || opt == "--chdir";
      if ((opt == "-C" || opt == "--chdir") && i + 1 < a.size() && a[i + 1].text) exec.cwd = resolve_path(exec.cwd, *a[i + 1].text);
      i += value ? 2 : 1;
    }
    return drop(exec, take_assignments(exec, i));
  }
  if (program == "command") {
    size_t i = 1;
    while (i < a.size() && a[i].text && starts_with(*a[i].text, "-")) {
      if (*a[i].text == "-v" || *a[i].text == "-V") return false;  // prints the command's path
      ++i;
    }
    return drop(exec, i);
  }
  if (program == "watch") {
    size_t i = skip_options(a, 1, {"-n", "--interval", "-q", "--equexit"});
    bool exec_direct = std::any_of(a.begin(), a.begin() + static_cast<long>(i), [](const Arg& x) { return x.text && *x.text == "-x"; });
    if (exec_direct) return drop(exec, i);
    std::vector<std::string> words;
    for (size_t k = i; k < a.size(); ++k) {
      if (!a[k].text) {
        opaque("watch " + display(a, i));
        return std::nullopt;
      }
      words.push_back(*a[k].text);
    }
    run_source(join(words, " "), scope, exec.depth + 1);
    return std::nullopt;
  }
  if (program == "xargs") return unwrap_xargs(exec);
  if (program == "git") return unwrap_git_alias(exec, scope);
  if (program == "flock") {
    size_t i = skip_options(a, 1, {"-w", "--timeout", "-E", "--conflict-exit-code"});
    if (i + 2 < a.size() && a[i + 1].text && (*a[i + 1].text == "-c" || *a[i + 1].text == "--command"))
      return run_string(a[i + 2], "flock -c", exec, scope);
    return drop(exec, i + 1);  // the lock file
  }
  if (program == "tmux" || program == "screen") {
    // tmux new-session -d "cmd", tmux send-keys -t x "cmd" Enter: the last string is a command line.
    for (size_t i = a.size(); i-- > 1;) {
      if (!a[i].text) return run_string(a[i], program, exec, scope);
      const std::string& t = *a[i].text;
      if (t.empty() || t[0] == '-' || t == "Enter" || t == "C-m") continue;
      if (t.find(' ') == std::string::npos && i + 1 == a.size() && a.size() > 2 && a[i - 1].text && starts_with(*a[i - 1].text, "-")) return std::nullopt;
      return run_string(a[i], program, exec, scope);
    }
    return std::nullopt;
  }
  if (program == "cargo" && a.size() > 1 && a[1].text && ctx_.catalog && ctx_.catalog().find_tool("cargo-" + *a[1].text)) {
    a[1] = {"cargo-" + *a[1].text, a[1].source, "cargo-" + *a[1].text};  // cargo sqlx runs the cargo-sqlx binary
    return drop(exec, 1);
  }
  if (program == "find") return unwrap_find(exec, scope);
  if (program == "parallel") return unwrap_parallel(exec, scope);
  if ((program == "at" || program == "batch" || program == "crontab") && exec.input.kind != Stream::Kind::None) {
    // at runs its input later; crontab lines run later: both are commands all the same.
    if (exec.input.kind != Stream::Kind::Literal) {
      opaque(exec.input.text + " scheduled with " + program);
      return std::nullopt;
    }
    std::string script;
    for (const auto& line : split_lines(exec.input.text)) {
      std::string t = trim(line);
      if (program == "crontab") {  // minute hour day month weekday command
        if (t.empty() || t[0] == '#' || t.find('=') < t.find(' ')) continue;
        size_t pos = 0;
        for (int field = 0; field < 5 && pos != std::string::npos; ++field) pos = t.find_first_of(" \t", t.find_first_not_of(" \t", pos));
        t = pos == std::string::npos ? "" : t.substr(pos);
      }
      script += t + "\n";
    }
    Scope later = scope;
    run_source(script, later, exec.depth + 1);
    return std::nullopt;
  }
  if (program == "node" || program == "tsx" || program == "ts-node" || program == "bun" || program == "deno") {
    // node --env-file=.env.production node_modules/.bin/drizzle-kit migrate runs the bin
    size_t i = 1;
    for (; i < a.size() && a[i].text && starts_with(*a[i].text, "-"); ++i)
      if (starts_with(*a[i].text, "--env-file=")) load_dotenv(a[i].text->substr(11), exec, scope);
    if (i < a.size() && a[i].text && a[i].text->find("node_modules/.bin/") != std::string::npos) return drop(exec, i);
    if (program == "bun" && i > 1 && !InterpreterCatalog::builtin().runner(program, {a[1].text.value_or("")})) {  // bun -e CODE is code
      a.erase(a.begin() + 1, a.begin() + static_cast<long>(i));
      return false;
    }
    return false;
  }
  if (starts_with(program, "python") && program.find_first_not_of("python0123456789.") == std::string::npos) {
    size_t i = skip_options(a, 1, {"-W", "-X"});
    if (i < a.size() && a[i].text && *a[i].text == "-m" && i + 1 < a.size()) return drop(exec, i + 1);  // python -m alembic
    bool framework_cli = i < a.size() && a[i].text && ctx_.catalog && ctx_.catalog().find_tool(base_name(*a[i].text));
    if (framework_cli) return drop(exec, i);  // python manage.py
    return false;
  }
  return false;
}

// git -c alias.NAME='!command' NAME runs the command in a shell.
std::optional<bool> Finder::unwrap_git_alias(Exec& exec, Scope& scope) {
  const Args& a = exec.args;
  std::map<std::string, Arg> aliases;
  size_t i = 1;
  for (; i < a.size() && a[i].text && starts_with(*a[i].text, "-"); ++i) {
    const std::string& opt = *a[i].text;
    if (opt != "-c" && opt != "-C" && opt != "--git-dir" && opt != "--work-tree" && opt != "--namespace") continue;
    if (++i >= a.size()) return false;
    const std::string setting = a[i].text.value_or(a[i].source);
    size_t eq = setting.find('=');
    if (opt == "-c" && starts_with(setting, "alias.") && eq != std::string::npos)
      aliases[setting.substr(6, eq - 6)] = a[i].text ? Arg{setting.substr(eq + 1), a[i].source, {}} : Arg{std::nullopt, a[i].source, {}};
  }
  if (i >= a.size() || !a[i].text) return false;
  auto alias = aliases.find(*a[i].text);
  if (alias == aliases.end()) return false;
  Arg command = alias->second;
  if (command.text && !starts_with(*command.text, "!")) return false;  // another git subcommand
  if (command.text) command.text = command.text->substr(1) + (i + 1 < a.size() ? " " + display(a, i + 1) : "");
  return run_string(command, "git alias " + alias->first, exec, scope);
}

// A wrapper that runs a command line given as one string (flock -c, script -c, tmux).
std::optional<bool> Finder::run_string(const Arg& command, const std::string& how, Exec& exec, Scope& scope) {
  if (!command.text) {
    opaque(how + " " + command.source);
    return std::nullopt;
  }
  Scope inner = scope;
  run_source(*command.text, inner, exec.depth + 1, exec.input);
  return std::nullopt;
}

// parallel CMD ::: a b c runs CMD a, CMD b, CMD c.
std::optional<bool> Finder::unwrap_parallel(Exec& exec, Scope& scope) {
  Args& a = exec.args;
  size_t i = skip_options(a, 1, {"-j", "--jobs", "-S", "--sshlogin", "--delay", "--timeout"});
  Args command;
  for (; i < a.size() && !(a[i].text && (*a[i].text == ":::" || *a[i].text == "::::")); ++i) command.push_back(a[i]);
  if (command.empty())  // parallel ::: "cmd one" "cmd two": each argument is a command line
    for (++i; i < a.size(); ++i) {
      Scope inner = scope;
      if (a[i].text) run_source(*a[i].text, inner, exec.depth + 1);
      else opaque("parallel ::: " + a[i].source);
    }
  for (++i; i < a.size() && !command.empty(); ++i) {
    Exec inner = exec;
    inner.args = command;
    inner.args.push_back(a[i]);
    inner.depth = exec.depth + 1;
    run_exec(inner, scope);
  }
  return std::nullopt;
}

std::optional<bool> Finder::unwrap_xargs(Exec& exec) {
  Args& a = exec.args;
  std::string replace;
  std::optional<char> delimiter;  // -0 / -d: items end at the delimiter, not at blanks
  size_t i = 1;
  static const std::set<std::string, std::less<>> kValue = {"-d", "-E", "-L", "-n", "-P", "-s", "-a", "--delimiter",
                                                            "--max-args", "--max-procs", "--arg-file", "-e"};
  while (i < a.size() && a[i].text && starts_with(*a[i].text, "-")) {
    const std::string& opt = *a[i].text;
    if (opt == "--") {
      ++i;
      break;
    }
    if (opt == "-I" && i + 1 < a.size()) {
      replace = a[i + 1].text.value_or("{}");
      i += 2;
    } else if (starts_with(opt, "-I") || starts_with(opt, "--replace")) {
      replace = opt.size() > 2 && opt[1] == 'I' ? opt.substr(2) : "{}";
      ++i;
    } else if (opt == "-i") {
      replace = "{}";
      ++i;
    } else if (opt == "-0" || opt == "--null") {
      delimiter = '\0';
      ++i;
    } else if ((opt == "-d" || opt == "--delimiter") && i + 1 < a.size() && a[i + 1].text) {
      std::string d = *a[i + 1].text;
      delimiter = d == "\\n" ? '\n' : d.empty() ? '\n' : d[0];
      i += 2;
    } else {
      i += kValue.count(opt) ? 2 : 1;
    }
  }
  Args command(a.begin() + static_cast<long>(std::min(i, a.size())), a.end());
  if (command.empty()) command.push_back({std::string("echo"), "echo", {}});
  std::vector<std::string> items;
  bool known = exec.input.kind == Stream::Kind::Literal;
  if (known && delimiter) {
    std::string current;
    for (char c : exec.input.text + std::string(1, *delimiter)) {
      if (c == *delimiter) {
        if (!current.empty()) items.push_back(current);
        current.clear();
      } else {
        current += c;
      }
    }
  } else if (known) {
    if (!replace.empty()) {
      for (auto& line : split_lines(exec.input.text))
        if (!trim(line).empty()) items.push_back(trim(line));
    } else {
      std::string current;
      for (char c : exec.input.text + " ") {
        if (std::isspace(static_cast<unsigned char>(c))) {
          if (!current.empty()) items.push_back(current);
          current.clear();
        } else if (c != '\'' && c != '"') {
          current += c;
        }
      }
    }
  }
  if (replace.empty()) {
    if (known) for (const auto& item : items) command.push_back({item, item, {}});
    else if (exec.input.kind != Stream::Kind::None) command.push_back({std::nullopt, "(standard input of xargs)", {}});
  } else {
    for (auto& arg : command) {
      if (!arg.text || arg.text->find(replace) == std::string::npos) continue;
      if (!known || items.empty()) {
        std::string shape = *arg.text;
        for (size_t pos = shape.find(replace); pos != std::string::npos; pos = shape.find(replace, pos + std::strlen(kUnknown)))
          shape.replace(pos, replace.size(), kUnknown);
        arg.shape = shape;
        arg.text = std::nullopt;
        continue;
      }
      std::string text = *arg.text;
      for (size_t pos = text.find(replace); pos != std::string::npos; pos = text.find(replace, pos + items[0].size()))
        text.replace(pos, replace.size(), items[0]);
      arg.text = text;
    }
  }
  exec.args = command;
  exec.input = {};
  return true;
}

}  // namespace pgguard::sinks::finder
