#include "sinks/find.h"

#include <algorithm>

#include "sinks/finder.h"
#include "sinks/pg_services.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks {
namespace finder {

const std::set<std::string, std::less<>> kShells = {"bash", "sh", "zsh", "dash", "ksh", "ash", "mksh", "fish", "busybox"};

bool is_dotenv_name(const std::string& path) {
  std::string name = base_name(path);
  return starts_with(name, ".env") || ends_with(name, ".env");
}

bool is_config_file(const std::string& path) {
  std::string name = base_name(path);
  return name == ".pgguard.json" || ends_with(path, ".claude/settings.json") || ends_with(path, ".claude/settings.local.json");
}

std::string display(const Args& args, size_t from) {
  std::vector<std::string> parts;
  for (size_t i = from; i < args.size(); ++i) parts.push_back(args[i].text ? shell_quote(*args[i].text) : args[i].source);
  return join(parts, " ");
}

std::map<std::string, std::string> parse_dotenv(const std::string& text) {
  std::map<std::string, std::string> vars;
  for (std::string line : split_lines(text)) {
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    if (starts_with(line, "export ")) line = trim(line.substr(7));
    size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string key = trim(line.substr(0, eq));
    std::string value = trim(line.substr(eq + 1));
    if (value.size() >= 2 && (value[0] == '"' || value[0] == '\'') && value.back() == value[0])
      value = value.substr(1, value.size() - 2);
    else if (size_t hash = value.find(" #"); hash != std::string::npos)
      value = trim(value.substr(0, hash));
    vars[key] = value;
  }
  return vars;
}

size_t skip_options(const Args& args, size_t start, const std::set<std::string, std::less<>>& value_options) {
  size_t i = start;
  while (i < args.size()) {
    const MaybeText& a = args[i].text;
    if (!a || a->size() < 2 || (*a)[0] != '-') break;
    if (*a == "--") return i + 1;
    bool takes_value = value_options.count(*a) > 0;
    if (!takes_value && (*a)[1] != '-' && a->size() > 2)  // a bundle such as -iu: its last letter may take a value
      takes_value = value_options.count(std::string("-") + a->back()) > 0;
    i += takes_value ? 2 : 1;
  }
  return std::min(i, args.size());
}

Report Finder::run(const shell::ParseResult& parsed, std::string_view command) {
  Scope scope;
  scope.cwd = ctx_.cwd;
  report_.sources.emplace_back(command);
  if (!parsed.error.empty()) report_.shell_error = parsed.error;
  run_script(*parsed.script, scope, 0);
  for (auto& sink : report_.sql) add_service_targets(sink.target);
  for (auto& call : report_.clis) add_service_targets(call.target);
  return std::move(report_);
}

// service=NAME and PGSERVICE name a section of a pg_service.conf: the file PGSERVICEFILE names,
// the project's own (pg_service.conf or .pg_service.conf in the directory the command runs in),
// ~/.pg_service.conf and PGSYSCONFDIR's. Every section found becomes a target of its own.
void Finder::add_service_targets(std::vector<TargetSignal>& signals) const {
  std::vector<std::string> names, files;
  for (const auto& signal : signals) {
    if (auto name = service_name(signal)) names.push_back(*name);
    if (signal.kind == TargetSignal::Kind::ServiceFile) files.push_back(signal.value);
  }
  if (names.empty()) return;
  files.push_back(resolve_path(ctx_.cwd, "pg_service.conf"));
  files.push_back(resolve_path(ctx_.cwd, ".pg_service.conf"));
  if (auto home = ctx_.env.find("HOME"); home != ctx_.env.end() && !home->second.empty()) files.push_back(home->second + "/.pg_service.conf");
  if (auto etc = ctx_.env.find("PGSYSCONFDIR"); etc != ctx_.env.end() && !etc->second.empty()) files.push_back(etc->second + "/pg_service.conf");
  std::set<std::string> seen;
  for (const auto& file : files) {
    if (!seen.insert(file).second) continue;
    auto text = read_file_bounded(file, ctx_.max_file_bytes);
    if (!text) continue;
    for (const auto& name : names)
      if (auto conninfo = service_conninfo(*text, name))
        signals.push_back({TargetSignal::Kind::Connection, "service " + name + " in " + file, *conninfo});
  }
}

bool Finder::out_of_budget() {
  if (ctx_.budget && ctx_.budget->expired()) report_.budget_exhausted = true;
  return report_.budget_exhausted;
}

// Parses and runs shell text (the command itself, bash -c strings, scripts, eval).
Stream Finder::run_source(const std::string& source, Scope& scope, int depth, const Stream& input) {
  if (depth > ctx_.max_depth) {
    opaque("shell nesting deeper than " + std::to_string(ctx_.max_depth) + " levels");
    return Stream::opaque("deeply nested shell");
  }
  report_.sources.push_back(source);
  auto parsed = shell::parse(source);
  if (!parsed.error.empty()) opaque("shell text that does not parse (" + parsed.error + "): " + source);
  return run_script(*parsed.script, scope, depth, input);
}

// Runs every command of a script; `input` feeds the first command (a heredoc or pipe into a
// shell, group or remote command).
Stream Finder::run_script(const Script& script, Scope& scope, int depth, const Stream& input) {
  Stream output;
  bool first = true;
  for (const auto& list : script.lists) {
    // A database created in this list counts as the command's own only for the pipelines that run
    // because its creation succeeded (joined by &&): after ||, or in the next list, it may be an
    // existing database that createdb failed on.
    size_t created_before = created_.size();
    for (const auto& pipeline : list.pipelines) {
      if (pipeline.after_or) created_.resize(created_before);
      if (out_of_budget()) return Stream::opaque("analysis stopped");
      Stream stream = first ? input : Stream{};
      first = false;
      for (const auto& command : pipeline.commands) stream = run_command(command, scope, stream, depth);
      output = concatenate(output, stream);
    }
    created_.resize(created_before);
  }
  return output;
}

// What a script prints: the outputs of its commands in order, known while every part is known.
Stream Finder::concatenate(const Stream& a, const Stream& b) {
  if (a.kind == Stream::Kind::None) return b;
  if (b.kind == Stream::Kind::None) return a;
  if (a.kind == Stream::Kind::Literal && b.kind == Stream::Kind::Literal) return Stream::literal(a.text + b.text);
  if (a.kind == Stream::Kind::Dump) return a;
  if (b.kind == Stream::Kind::Dump) return b;
  return Stream::opaque(a.kind == Stream::Kind::Opaque ? a.text : b.text);
}

Stream Finder::run_command(const Command& command, Scope& scope, const Stream& input, int depth) {
  switch (command.kind) {
    case Command::Kind::Simple:
      return run_simple(command, scope, input, depth);
    case Command::Kind::FunctionDefinition:
      if (!command.bodies.empty()) scope.functions[command.name] = command.bodies.front();
      return {};
    case Command::Kind::For:
      return run_for(command, scope, depth);
    case Command::Kind::Unparsed:
      if (command.source.find("$(") != std::string::npos || command.source.find('`') != std::string::npos)
        opaque("command substitution inside " + command.source.substr(0, 2) + " ... test");
      return {};
    case Command::Kind::Subshell: {
      Scope inner = scope;
      Stream stdin_stream = redirected_input(command, scope, input, depth);
      return run_bodies(command, inner, stdin_stream, depth);
    }
    default: {
      for (const auto& word : command.words) resolve(word, scope, depth);
      Stream stdin_stream = redirected_input(command, scope, input, depth);
      return run_bodies(command, scope, stdin_stream, depth);
    }
  }
}

Stream Finder::run_bodies(const Command& command, Scope& scope, const Stream& input, int depth) {
  Stream output;
  for (const auto& body : command.bodies) output = concatenate(output, run_script(*body, scope, depth, input));
  if (command.kind == Command::Kind::If || command.kind == Command::Kind::Case || command.kind == Command::Kind::Loop)
    return output.kind == Stream::Kind::None ? output : Stream::opaque("output of a conditional or loop");
  return output;
}

Stream Finder::run_for(const Command& command, Scope& scope, int depth) {
  std::vector<MaybeText> values;
  bool all_literal = !command.loop_over_arguments;
  for (const auto& word : command.loop_values) {
    auto value = resolve(word, scope, depth);
    bool glob = value && value->find_first_of("*?[") != std::string::npos &&
                std::any_of(word.parts.begin(), word.parts.end(), [](const WordPart& p) { return !p.quoted; });
    if (!value || glob) all_literal = false;
    // Unquoted literals split on whitespace into several values.
    if (value) {
      std::string current;
      for (char c : *value + " ") {
        if (std::isspace(static_cast<unsigned char>(c))) {
          if (!current.empty()) values.emplace_back(current);
          current.clear();
        } else {
          current += c;
        }
      }
    }
  }
  if (!all_literal || values.empty() || values.size() > 16) values = {std::nullopt};
  Stream output;
  for (const auto& value : values) {
    if (out_of_budget()) break;
    scope.vars[command.name] = value;
    for (const auto& body : command.bodies) output = concatenate(output, run_script(*body, scope, depth));
  }
  return output;
}

void Finder::opaque(const std::string& what) { report_.opaque_scripts.push_back({shorten(what, 200)}); }

}  // namespace finder

Report find(const shell::ParseResult& parsed, std::string_view command, const FindContext& context) {
  finder::Finder walker(context);
  return walker.run(parsed, command);
}

}  // namespace pgguard::sinks
