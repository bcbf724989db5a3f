// psql and its kin: where their SQL comes from (-c, -f, standard input, ~/.psqlrc) and where it goes.
#include <algorithm>

#include "sinks/finder.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks::finder {

Stream Finder::run_psql(const std::string& program, Exec& exec, Scope& scope) {
  Args& a = exec.args;
  static const std::set<std::string, std::less<>> kValueShort = {"-c", "-d", "-f", "-h", "-p", "-U", "-v", "-o", "-L", "-P", "-F", "-R", "-T"};
  // psql accepts any unambiguous prefix of a long option (--comm=...).
  static const std::vector<std::string> kLong = {"--command", "--file", "--set", "--variable", "--host", "--dbname", "--output",
                                                 "--log-file", "--help", "--version", "--list", "--no-psqlrc", "--port",
                                                 "--username", "--single-transaction", "--echo-all", "--quiet"};
  struct Source {
    std::string via;
    MaybeText text;
    std::string why;
    std::string dir;            // the directory of a -f file (\\ir is relative to it)
    bool command_flag = false;  // -c text is sent as is unless it is one meta-command
    std::string shape;          // the text with unknown parts as placeholders
  };
  std::vector<Source> sources;
  std::vector<PsqlEvent> option_events;
  PsqlInputContext psql;
  psql.cwd = exec.cwd;
  psql.read_file = [&](const std::string& path) -> MaybeText {
    if (path == "/dev/stdin" || ends_with(path, "/dev/stdin"))
      return exec.input.kind == Stream::Kind::Literal ? MaybeText(exec.input.text) : std::nullopt;
    return read_file(path, scope);
  };
  std::vector<TargetSignal> signals = target_signals(exec, scope);
  bool reads_stdin = false, no_sql = false, no_psqlrc = false;
  std::vector<std::string> positionals;

  auto add_file = [&](const std::string& flag, const MaybeText& path) {
    if (!path) return sources.push_back({"psql " + flag + " <unknown file>", std::nullopt, "the file name cannot be resolved", "", false, ""});
    if (*path == "-" || *path == "/dev/stdin") {
      reads_stdin = true;
      return;
    }
    std::string full = resolve_path(exec.cwd, *path);
    std::string dir = full.substr(0, full.find_last_of('/') == std::string::npos ? 0 : full.find_last_of('/'));
    if (written_opaquely(*path, scope) || !read_file(*path, scope))
      return sources.push_back({"psql " + flag + " " + *path, std::nullopt, "the file " + *path + " cannot be read", dir, false, ""});
    sources.push_back({"psql " + flag + " " + *path, read_file(*path, scope), "", dir, false, ""});
  };
  auto add_variable = [&](const MaybeText& assignment) {
    if (!assignment) return;
    size_t eq = assignment->find('=');
    if (eq == std::string::npos) return;
    psql.variables[assignment->substr(0, eq)] = assignment->substr(eq + 1);
  };
  auto add_output = [&](const std::string& flag, const MaybeText& value) {  // -o '|cmd' runs a shell command
    if (value && !value->empty() && (*value)[0] == '|') option_events.push_back({PsqlEvent::Kind::ShellEscape, "psql " + flag + " '" + *value + "'"});
    if (!value) option_events.push_back({PsqlEvent::Kind::Opaque, "psql " + flag + " with a target the guard cannot read"});
  };

  for (size_t i = 1; i < a.size(); ++i) {
    const MaybeText& t = a[i].text;
    MaybeText next = i + 1 < a.size() ? a[i + 1].text : std::nullopt;
    if (!t) {
      if (a[i].source.find('=') != std::string::npos && starts_with(a[i].source, "-v")) {
        std::string name = a[i].source.substr(2, a[i].source.find('=') - 2);
        psql.opaque_variables.push_back(trim(name));
      } else if (i > 1 && a[i - 1].text && (*a[i - 1].text == "-c" || *a[i - 1].text == "--command")) {
        continue;  // handled with its flag
      }
      positionals.push_back("");
      continue;
    }
    std::string arg = *t;
    if (starts_with(arg, "--") && arg.size() > 2) {
      std::string name = arg.substr(0, arg.find('='));
      std::vector<std::string> candidates;
      for (const auto& option : kLong)
        if (starts_with(option, name)) candidates.push_back(option);
      if (std::find(kLong.begin(), kLong.end(), name) != kLong.end()) candidates = {name};
      if (candidates.size() == 1) arg = candidates[0] + (arg.find('=') == std::string::npos ? "" : arg.substr(arg.find('=')));
    }
    const Arg* next_arg = i + 1 < a.size() ? &a[i + 1] : nullptr;
    auto long_value = [&](const std::string& name) -> std::optional<MaybeText> {
      if (arg == name) {
        ++i;
        return next;
      }
      if (starts_with(arg, name + "=")) return MaybeText(arg.substr(name.size() + 1));
      return std::nullopt;
    };
    if (arg == "--help" || arg == "-?" || arg == "--version" || arg == "-V" || arg == "-l" || arg == "--list") {
      no_sql = true;
    } else if (arg == "--no-psqlrc") {
      no_psqlrc = true;
    } else if (arg == "--command" && next_arg && !next_arg->text) {
      ++i;
      sources.push_back({"psql --command", std::nullopt, "the command text cannot be resolved", "", true, next_arg->shape});
    } else if (auto v = long_value("--command")) {
      sources.push_back({"psql --command", *v, "the command text cannot be resolved", "", true, ""});
    } else if (auto v = long_value("--file")) {
      add_file("--file", *v);
    } else if (auto v = long_value("--set")) {
      add_variable(*v);
    } else if (auto v = long_value("--variable")) {
      add_variable(*v);
    } else if (auto v = long_value("--output")) {
      add_output("--output", *v);
    } else if (auto v = long_value("--log-file")) {
      add_output("--log-file", *v);
    } else if (auto v = long_value("--host")) {
      if (*v) signals.push_back({TargetSignal::Kind::Connection, "psql --host", **v, "host"});
    } else if (auto v = long_value("--dbname")) {
      if (*v) signals.push_back({TargetSignal::Kind::Connection, "psql --dbname", **v, "database"});
    } else if (starts_with(arg, "--")) {
      // other long options take their value with '='
    } else if (arg.size() >= 2 && arg[0] == '-') {
      // A bundle such as -XqAtc: flags up to the first one that takes a value, which takes
      // the rest of the word or the next argument.
      size_t k = 1;
      while (k < arg.size() && !kValueShort.count(std::string("-") + arg[k])) {
        if (arg[k] == 'X') no_psqlrc = true;
        ++k;
      }
      if (k >= arg.size()) continue;
      std::string flag = std::string("-") + arg[k];
      bool attached = k + 1 < arg.size();
      MaybeText value = attached ? MaybeText(arg.substr(k + 1)) : next;
      std::string shape = attached ? arg.substr(k + 1) : next_arg ? next_arg->shape : "";
      if (!attached) {
        if (!next && next_arg && flag == "-v") {
          size_t eq = next_arg->source.find('=');
          if (eq != std::string::npos) psql.opaque_variables.push_back(next_arg->source.substr(0, eq));
        }
        ++i;
      }
      if (flag == "-c") sources.push_back({"psql -c", value, "the -c text cannot be resolved", "", true, value ? "" : shape});
      else if (flag == "-f") add_file("-f", value);
      else if (flag == "-v") add_variable(value);
      else if (flag == "-o" || flag == "-L") add_output(flag, value);
      else if ((flag == "-h" || flag == "-d") && value)
        signals.push_back({TargetSignal::Kind::Connection, "psql " + flag, *value, flag == "-h" ? "host" : "database"});
    } else {
      positionals.push_back(arg);
      if (positionals.size() == 1) signals.push_back({TargetSignal::Kind::Connection, "psql database argument", arg, "database"});
    }
  }
  if (!option_events.empty()) {
    SqlSink sink;
    sink.via = program + " options";
    sink.sql = "";
    sink.events = option_events;
    sink.target = signals;
    report_.sql.push_back(std::move(sink));
  }
  if (no_sql && sources.empty()) return {};
  if (sources.empty() || reads_stdin) {
    switch (exec.input.kind) {
      case Stream::Kind::None:
        break;
      case Stream::Kind::Literal:
        sources.push_back({program + " standard input", exec.input.text, "", "", false, ""});
        break;
      case Stream::Kind::Opaque:
        sources.push_back({program + " standard input", std::nullopt, exec.input.text + " is piped in", "", false, exec.input.shape});
        break;
      case Stream::Kind::Dump:
        report_.clis.push_back(restore_call(exec.input, signals));
        break;
    }
  }
  // psql runs ~/.psqlrc first unless -X: one written earlier in this command counts.
  if (auto home = lookup("HOME", scope); home && !no_psqlrc && !sources.empty())
    if (auto rc = scope.files.find(*home + "/.psqlrc"); rc != scope.files.end())
      sources.insert(sources.begin(), {"~/.psqlrc", rc->second, "~/.psqlrc was written with content the guard cannot read", *home, false, ""});
  for (auto& source : sources) {
    SqlSink sink;
    sink.via = source.via;
    sink.target = signals;
    if (!source.text) {
      sink.opaque_reason = source.why;
      if (!source.shape.empty() && source.shape.find_first_not_of(std::string(kUnknown) + " \n") != std::string::npos) {
        sink.sql = source.shape;  // the statement's shape is known, a part of it is not
        sink.partial = true;
      }
    } else if (source.command_flag && trim(*source.text).rfind('\\', 0) != 0) {
      sink.sql = *source.text;  // psql sends -c text to the server without meta-commands or variables
    } else {
      PsqlInput parsed = read_psql_input(*source.text, psql, source.dir);
      sink.sql = parsed.sql;
      sink.events = parsed.events;
      for (const auto& event : parsed.events)
        if (event.kind == PsqlEvent::Kind::Connect) sink.target.push_back({TargetSignal::Kind::Connection, "\\connect", event.what});
    }
    note_scratch_sql(sink);
    report_.sql.push_back(std::move(sink));
  }
  return Stream::opaque("output of psql");
}

// Framework database consoles are psql underneath: rails dbconsole, manage.py dbshell [-- psql args].
Stream Finder::run_framework_console(const std::string& program, Exec& exec, Scope& scope) {
  const Args& a = exec.args;
  std::string first = a.size() > 1 ? a[1].text.value_or("") : "";
  bool console = (program == "rails" || program == "rake") ? (first == "dbconsole" || first == "db") : first == "dbshell";
  if (!console) return run_default(program, exec, scope);
  Args psql = {{std::string("psql"), "psql", "psql"}};
  auto dashes = std::find_if(a.begin(), a.end(), [](const Arg& x) { return x.text && *x.text == "--"; });
  if (dashes != a.end()) psql.insert(psql.end(), dashes + 1, a.end());
  exec.args = psql;
  return run_psql(program + " " + first, exec, scope);
}

// php artisan ..., php bin/console ...: the framework's CLI.
Stream Finder::run_php(const std::string& program, Exec& exec, Scope& scope) {
  std::string script = exec.args.size() > 1 ? base_name(exec.args[1].text.value_or("")) : "";
  if (script.empty() || !ctx_.catalog || !ctx_.catalog().find_tool(script)) {
    if (const Language* lang = InterpreterCatalog::builtin().language_of_program(program)) return run_interpreter(*lang, program, exec, scope);
    return run_default(program, exec, scope);
  }
  exec.args.erase(exec.args.begin());
  return dispatch(script, exec, scope);
}

CliCall Finder::restore_call(const Stream& dump, const std::vector<TargetSignal>& signals) {
  CliSubcommand judgement;
  judgement.cls = dump.clean_dump ? CliClass::Destructive : CliClass::Write;
  judgement.what = dump.clean_dump ? "restores a dump made with --clean, which drops every object it re-creates in the target database"
                                   : "loads a full database dump into the target database";
  judgement.safe = "restore into a scratch database first (createdb scratch && pg_dump ... | psql scratch), check it, then ask the human";
  return {"pg_dump | psql", dump.text + " | psql", judgement, signals};
}

}  // namespace pgguard::sinks::finder
