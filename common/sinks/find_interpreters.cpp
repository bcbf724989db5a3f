// Programs run by path (the shebang decides how), interpreters and framework runners: the SQL
// their code passes to a database driver and the shell commands it runs.
#include <algorithm>

#include "sinks/finder.h"
#include "sinks/interpreters.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks::finder {
namespace {

// The interpreter a `#!` line names: `#!/usr/bin/env -S python3 -u` -> python3.
std::string shebang_program(const std::string& text) {
  if (!starts_with(text, "#!")) return "";
  std::vector<std::string> words = split_words(text.substr(2, text.find('\n') == std::string::npos ? std::string::npos : text.find('\n') - 2));
  for (size_t i = 0; i < words.size(); ++i) {
    std::string name = base_name(words[i]);
    if (i == 0 && name == "env") continue;
    if (starts_with(name, "-") || name.find('=') != std::string::npos) continue;  // env -S, env VAR=x
    return name;
  }
  return "";
}

bool is_binary(const std::string& text) { return text.find('\0', 0) != std::string::npos || starts_with(text, "\x7f" "ELF"); }

}  // namespace

bool Finder::take_file_budget(const std::string& what) {
  if (++files_read_ <= ctx_.max_files) return true;
  opaque(what + ": the command runs more than " + std::to_string(ctx_.max_files) + " files, more than the guard reads");
  return false;
}

// ./scripts/x.sh, bin/x, /opt/app/x: the file is read and run as its shebang says; a file without
// one is a shell script unless its extension names a language.
Stream Finder::run_program_file(const std::string& program, Exec& exec, Scope& scope) {
  const std::string path = *exec.args[0].text;
  std::string full = resolve_path(scope.cwd, path);
  if (written_opaquely(path, scope)) {
    opaque("the script " + path + ", written earlier in the command with content the guard cannot read");
    return Stream::opaque("script " + path);
  }
  if (!is_regular_file(full) && !scope.files.count(full)) {  // not in the project: a program the guard cannot read
    if (auto out = run_behind_unknown_wrapper(program, exec, scope)) return *out;
    return produce(program, exec, scope);
  }
  if (!take_file_budget(path)) return Stream::opaque("script " + path);
  auto text = read_file(path, scope);
  if (!text) {
    opaque("the program " + path + " is larger than " + std::to_string(ctx_.max_file_bytes) + " bytes, the most the guard reads");
    return Stream::opaque("script " + path);
  }
  if (is_binary(*text)) return produce(program, exec, scope);  // a compiled program: nothing to read
  const InterpreterCatalog& interpreters = InterpreterCatalog::builtin();
  std::string interpreter = shebang_program(*text);
  const Language* lang = interpreter.empty() ? interpreters.language_of_file(path) : interpreters.language_of_program(interpreter);
  report_.trail.push_back("read " + path + (interpreter.empty() ? "" : " (#!" + interpreter + ")"));
  if (lang) return run_code(*lang, *text, path, exec, scope, false);
  if (!interpreter.empty() && !kShells.count(interpreter)) return produce(program, exec, scope);  // awk, make, ...
  if (exec.depth >= ctx_.max_depth) {
    opaque("the script " + path + " runs deeper than " + std::to_string(ctx_.max_depth) + " levels");
    return Stream::opaque("script " + path);
  }
  Scope inner = scope;
  std::vector<MaybeText> positional;
  for (size_t i = 1; i < exec.args.size(); ++i) positional.push_back(exec.args[i].text);
  inner.positional = positional;
  inner.dollar0 = MaybeText(path);
  inner.signals.insert(inner.signals.end(), exec.signals.begin(), exec.signals.end());
  for (const auto& [name, value] : exec.env) inner.vars[name] = value;
  return run_source(*text, inner, exec.depth + 1, exec.input);
}

// python3 -c CODE, node x.mjs, ruby - <<EOF ...: the code is read for driver calls and shell commands.
Stream Finder::run_interpreter(const Language& lang, const std::string& program, Exec& exec, Scope& scope) {
  const Args& a = exec.args;
  size_t i = 1;
  for (; i < a.size() && a[i].text && starts_with(*a[i].text, "-") && *a[i].text != "-"; ++i) {
    const std::string& opt = *a[i].text;
    if (opt == "--") {
      ++i;
      break;
    }
    if (starts_with(opt, "--env-file=")) load_dotenv(opt.substr(11), exec, scope);  // node --env-file=.env.production
    if (std::find(lang.check_flags.begin(), lang.check_flags.end(), opt) != lang.check_flags.end()) return run_default(program, exec, scope);
    if (std::find(lang.code_flags.begin(), lang.code_flags.end(), opt) != lang.code_flags.end()) {
      if (i + 1 >= a.size() || !a[i + 1].text) return run_default(program, exec, scope);
      return run_code(lang, *a[i + 1].text, program + " " + opt, exec, scope, false);
    }
    if (std::find(lang.value_flags.begin(), lang.value_flags.end(), opt) != lang.value_flags.end()) ++i;
  }
  bool from_stdin = i >= a.size() || (a[i].text && *a[i].text == "-");
  if (from_stdin) {
    if (exec.input.kind == Stream::Kind::Literal) return run_code(lang, exec.input.text, program + " standard input", exec, scope, false);
    return run_default(program, exec, scope);
  }
  if (!a[i].text) return run_default(program, exec, scope);
  return run_code_file(lang, *a[i].text, exec, scope, false);
}

// rails runner CODE|FILE, mix run -e CODE|FILE: code with the application's database loaded.
Stream Finder::run_runner(const Runner& runner, const std::string& program, Exec& exec, Scope& scope) {
  const Language* lang = InterpreterCatalog::builtin().language_named(runner.language);
  if (!lang) return run_default(program, exec, scope);
  const Args& a = exec.args;
  std::string how = program + " " + join(runner.subcommand, " ");
  for (size_t i = 1 + runner.subcommand.size(); i < a.size(); ++i) {
    if (!a[i].text) {
      opaque(how + " " + a[i].source);
      return Stream::opaque(how);
    }
    const std::string& word = *a[i].text;
    for (const auto& flag : runner.code_flags) {
      if (word == flag && i + 1 < a.size() && a[i + 1].text) return run_code(*lang, *a[i + 1].text, how + " " + word, exec, scope, true);
      if (starts_with(word, flag + "=")) return run_code(*lang, word.substr(flag.size() + 1), how + " " + flag, exec, scope, true);
    }
    if (starts_with(word, "-")) continue;
    bool file = std::any_of(lang->extensions.begin(), lang->extensions.end(), [&](const std::string& e) { return ends_with(word, e); });
    if (file) return run_code_file(*lang, word, exec, scope, true);
    return run_code(*lang, word, how, exec, scope, true);  // rails runner 'Ruby code'
  }
  if (exec.input.kind == Stream::Kind::Literal) return run_code(*lang, exec.input.text, how + " standard input", exec, scope, true);
  return run_default(program, exec, scope);
}

Stream Finder::run_code_file(const Language& lang, const std::string& path, Exec& exec, Scope& scope, bool driver_loaded) {
  if (written_opaquely(path, scope)) {
    opaque("the file " + path + ", written earlier in the command with content the guard cannot read");
    return Stream::opaque(path);
  }
  if (!scope.files.count(resolve_path(scope.cwd, path)) && !is_regular_file(resolve_path(scope.cwd, path))) return {};
  if (!take_file_budget(path)) return Stream::opaque(path);
  auto text = read_file(path, scope);
  if (!text) {
    opaque("the file " + path + " is larger than " + std::to_string(ctx_.max_file_bytes) + " bytes, the most the guard reads");
    return Stream::opaque(path);
  }
  report_.trail.push_back("read " + path + " as " + lang.name);
  return run_code(lang, *text, path, exec, scope, driver_loaded);
}

// The SQL literals the code passes to a driver become SQL sinks (a call whose SQL is not a literal is
// opaque); the literal commands it hands to a shell are run as shell text.
Stream Finder::run_code(const Language& lang, const std::string& code, const std::string& where, Exec& exec, Scope& scope, bool driver_loaded) {
  report_.sources.push_back(code);
  std::vector<TargetSignal> signals = target_signals(exec, scope);
  for (const auto& url : connection_urls(code)) signals.push_back({TargetSignal::Kind::Connection, where + " connection string", url});
  for (const auto& call : scan_code(lang, code, driver_loaded)) {
    std::string via = where + " line " + std::to_string(call.line) + ": " + call.call;
    if (call.kind == CodeCall::Kind::Shell) {
      if (exec.depth >= ctx_.max_depth) {
        opaque(via + " runs shell commands deeper than " + std::to_string(ctx_.max_depth) + " levels");
        continue;
      }
      Scope inner = scope;
      inner.signals = signals;
      run_source(*call.text, inner, exec.depth + 1);
      continue;
    }
    SqlSink sink;
    sink.via = via;
    sink.target = signals;
    sink.sql = call.text;
    sink.partial = call.partial;
    if (!call.text) sink.opaque_reason = "the SQL passed to " + call.call + " is not a literal the guard can read";
    else if (call.partial) sink.opaque_reason = "part of the SQL passed to " + call.call + " is computed at run time";
    report_.sql.push_back(std::move(sink));
  }
  return Stream::opaque("output of " + where);
}

}  // namespace pgguard::sinks::finder
