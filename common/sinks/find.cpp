#include "sinks/find.h"

#include <fnmatch.h>
#include <glob.h>

#include <algorithm>
#include <cstring>
#include <set>

#include "shell/parser.h"
#include "sinks/package_scripts.h"
#include "sinks/producers.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks {
namespace {

using shell::Command;
using shell::Script;
using shell::ScriptPtr;
using shell::Word;
using shell::WordPart;
using MaybeText = std::optional<std::string>;

// One argument after expansion: its text, or nullopt when it cannot be known. `shape` is the
// text with every unknown part replaced by a placeholder identifier, so a statement whose table
// name is a variable is still seen as the DROP TABLE it is.
struct Arg {
  MaybeText text;
  std::string source;
  std::string shape;
};

constexpr char kUnknown[] = "pgguard_unknown";
using Args = std::vector<Arg>;

// What flows into a command's standard input or out of its standard output.
struct Stream {
  enum class Kind { None, Literal, Opaque, Dump };
  Kind kind = Kind::None;
  std::string text;         // Literal: the data; Opaque: what produced it
  bool clean_dump = false;  // Dump: pg_dump --clean (the restore drops objects first)
  std::string shape;        // Opaque: the data with unknown parts as placeholders, when mostly known

  static Stream literal(std::string text) { return {Kind::Literal, std::move(text), false, {}}; }
  static Stream opaque(std::string what, std::string shape = {}) { return {Kind::Opaque, std::move(what), false, std::move(shape)}; }
};

struct Scope {
  std::map<std::string, MaybeText> vars;
  std::map<std::string, std::vector<MaybeText>> arrays;
  std::optional<std::vector<MaybeText>> positional;  // $1 $2 ... when known (functions, bash -c, set --)
  std::optional<MaybeText> dollar0;                  // $0 of bash -c 'script' NAME
  std::map<std::string, MaybeText> files;  // written earlier in the same command
  std::map<std::string, ScriptPtr> functions;
  std::map<std::string, std::string> aliases;
  std::vector<TargetSignal> signals;       // dotenv files loaded, connection exports
  std::string cwd;
};

// Removes the shortest/longest prefix or suffix matching a glob pattern (${v#p} ${v##p} ${v%p} ${v%%p}).
std::string trim_pattern(const std::string& value, const std::string& pattern, bool prefix, bool longest) {
  size_t n = value.size();
  for (size_t k = 0; k <= n; ++k) {
    size_t len = longest ? n - k : k;
    std::string part = prefix ? value.substr(0, len) : value.substr(n - len);
    if (fnmatch(pattern.c_str(), part.c_str(), 0) == 0) return prefix ? value.substr(len) : value.substr(0, n - len);
  }
  return value;
}

// One command about to run, as wrappers are peeled off.
struct Exec {
  Args args;
  std::map<std::string, MaybeText> env;  // assignment prefixes and dotenv loads for this command
  std::vector<TargetSignal> signals;     // ssh hosts, containers, contexts it runs through
  Stream input;
  std::string cwd;
  int depth = 0;
};

const std::set<std::string, std::less<>> kShells = {"bash", "sh", "zsh", "dash", "ksh", "ash", "mksh", "fish", "busybox"};
const std::set<std::string, std::less<>> kPsqlLike = {"psql", "pgcli", "usql"};

bool is_dotenv_name(const std::string& path) {
  std::string name = base_name(path);
  return starts_with(name, ".env") || ends_with(name, ".env");
}

bool is_config_file(const std::string& path) {
  std::string name = base_name(path);
  return name == ".pgguard.json" || ends_with(path, ".claude/settings.json") || ends_with(path, ".claude/settings.local.json");
}

std::string display(const Args& args, size_t from = 0) {
  std::vector<std::string> parts;
  for (size_t i = from; i < args.size(); ++i) parts.push_back(args[i].text ? shell_quote(*args[i].text) : args[i].source);
  return join(parts, " ");
}

// Parses KEY=VALUE lines of a dotenv file (export prefixes, quotes and comments allowed).
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

// Index of the first argument after options; value_options consume the next argument.
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

class Finder {
 public:
  explicit Finder(const FindContext& context) : ctx_(context) {}

  Report run(std::string_view command) {
    Scope scope;
    scope.cwd = ctx_.cwd;
    run_source(std::string(command), scope, 0, {}, /*top_level=*/true);
    return std::move(report_);
  }

 private:
  const FindContext& ctx_;
  Report report_;
  int process_substitutions_ = 0;

  bool out_of_budget() {
    if (ctx_.budget && ctx_.budget->expired()) report_.budget_exhausted = true;
    return report_.budget_exhausted;
  }

  size_t event_count() const { return report_.sql.size() + report_.clis.size() + report_.opaque_scripts.size(); }

  void opaque(const std::string& what) { report_.opaque_scripts.push_back({shorten(what, 200)}); }

  // Parses and runs shell text (the command itself, bash -c strings, scripts, eval).
  Stream run_source(const std::string& source, Scope& scope, int depth, const Stream& input = {}, bool top_level = false) {
    if (depth > ctx_.max_depth) {
      opaque("shell nesting deeper than " + std::to_string(ctx_.max_depth) + " levels");
      return Stream::opaque("deeply nested shell");
    }
    report_.sources.push_back(source);
    auto parsed = shell::parse(source);
    if (!parsed.error.empty()) {
      if (top_level) report_.shell_error = parsed.error;
      else opaque("shell text that does not parse (" + parsed.error + "): " + source);
    }
    return run_script(*parsed.script, scope, depth, input);
  }

  // Runs every command of a script; `input` feeds the first command (a heredoc or pipe into a
  // shell, group or remote command).
  Stream run_script(const Script& script, Scope& scope, int depth, const Stream& input = {}) {
    Stream output;
    bool first = true;
    for (const auto& list : script.lists) {
      for (const auto& pipeline : list.pipelines) {
        if (out_of_budget()) return Stream::opaque("analysis stopped");
        Stream stream = first ? input : Stream{};
        first = false;
        for (const auto& command : pipeline.commands) stream = run_command(command, scope, stream, depth);
        output = concatenate(output, stream);
      }
    }
    return output;
  }

  // What a script prints: the outputs of its commands in order, known while every part is known.
  static Stream concatenate(const Stream& a, const Stream& b) {
    if (a.kind == Stream::Kind::None) return b;
    if (b.kind == Stream::Kind::None) return a;
    if (a.kind == Stream::Kind::Literal && b.kind == Stream::Kind::Literal) return Stream::literal(a.text + b.text);
    if (a.kind == Stream::Kind::Dump) return a;
    if (b.kind == Stream::Kind::Dump) return b;
    return Stream::opaque(a.kind == Stream::Kind::Opaque ? a.text : b.text);
  }

  Stream run_command(const Command& command, Scope& scope, const Stream& input, int depth) {
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

  Stream run_bodies(const Command& command, Scope& scope, const Stream& input, int depth) {
    Stream output;
    for (const auto& body : command.bodies) output = concatenate(output, run_script(*body, scope, depth, input));
    if (command.kind == Command::Kind::If || command.kind == Command::Kind::Case || command.kind == Command::Kind::Loop)
      return output.kind == Stream::Kind::None ? output : Stream::opaque("output of a conditional or loop");
    return output;
  }

  Stream run_for(const Command& command, Scope& scope, int depth) {
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

  // ---- word expansion -------------------------------------------------------------------------

  MaybeText lookup(const std::string& name, const Scope& scope) const {
    if (auto it = scope.vars.find(name); it != scope.vars.end()) return it->second;
    if (auto it = ctx_.env.find(name); it != ctx_.env.end()) return it->second;
    return std::nullopt;
  }

  // The value of $name, ${name[i]}, $1, $@ with the ${...} operator applied; nullopt when unknown.
  MaybeText parameter(const WordPart& part, Scope& scope) {
    MaybeText value;
    const std::string& name = part.text;
    bool digits = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    auto joined = [](const std::vector<MaybeText>& items) -> MaybeText {
      std::vector<std::string> texts;
      for (const auto& item : items) {
        if (!item) return std::nullopt;
        texts.push_back(*item);
      }
      return join(texts, " ");
    };
    if (name == "0" && scope.dollar0) {
      value = *scope.dollar0;
    } else if ((digits && name != "0") || name == "@" || name == "*") {
      if (scope.positional) {
        if (digits) {
          size_t n = std::stoul(name.substr(0, 4));
          value = n <= scope.positional->size() ? (*scope.positional)[n - 1] : MaybeText(std::string());
        } else {
          value = joined(*scope.positional);
        }
      }
    } else if (!part.index.empty()) {
      auto it = scope.arrays.find(name);
      if (it != scope.arrays.end()) {
        if (part.index == "@" || part.index == "*") value = joined(it->second);
        else if (std::all_of(part.index.begin(), part.index.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
          value = std::stoul(part.index.substr(0, 4)) < it->second.size() ? it->second[std::stoul(part.index.substr(0, 4))] : MaybeText("");
      } else if (part.index == "0") {
        value = lookup(name, scope);
      }
    } else {
      value = lookup(name, scope);
    }
    if (part.length) return value ? MaybeText(std::to_string(value->size())) : std::nullopt;
    const std::string& op = part.op;
    const std::string& arg = part.arg;
    if (op.empty()) return value;
    if (op == ":-" || op == ":=") return value && !value->empty() ? value : MaybeText(arg);
    if (op == "-" || op == "=") return value ? value : MaybeText(arg);
    if (!value) return std::nullopt;
    if (op == ":+") return value->empty() ? "" : arg;
    if (op == "+") return arg;
    if (op == "^^" || op == ",,") {
      std::string out = *value;
      for (char& c : out) c = static_cast<char>(op == "^^" ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
      return out;
    }
    if ((op == "^" || op == ",") && !value->empty()) {
      std::string out = *value;
      out[0] = static_cast<char>(op == "^" ? std::toupper(static_cast<unsigned char>(out[0])) : std::tolower(static_cast<unsigned char>(out[0])));
      return out;
    }
    if (op == "#" || op == "##") return trim_pattern(*value, arg, true, op == "##");
    if (op == "%" || op == "%%") return trim_pattern(*value, arg, false, op == "%%");
    if ((op == "/" || op == "//") && arg.find_first_of("*?[") == std::string::npos) {
      size_t slash = arg.find('/');
      std::string from = arg.substr(0, slash), to = slash == std::string::npos ? "" : arg.substr(slash + 1);
      std::string out = *value;
      if (from.empty()) return out;
      for (size_t pos = out.find(from); pos != std::string::npos; pos = out.find(from, pos + to.size())) {
        out.replace(pos, from.size(), to);
        if (op == "/") break;
      }
      return out;
    }
    return std::nullopt;
  }

  // A dotenv file read inside $(...) or <(...) still loads that environment outside it.
  static void keep_signals(Scope& outer, const Scope& inner) {
    for (size_t i = outer.signals.size(); i < inner.signals.size(); ++i) outer.signals.push_back(inner.signals[i]);
  }

  // A word's value, or nullopt; `shape` receives the text with unknown parts as placeholders.
  MaybeText resolve(const Word& word, Scope& scope, int depth, std::string* shape = nullptr) {
    std::string out, guessed;
    bool known = true;
    auto add = [&](const MaybeText& part) {
      if (part) {
        out += *part;
        guessed += *part;
      } else {
        known = false;
        guessed += kUnknown;
      }
    };
    for (size_t i = 0; i < word.parts.size(); ++i) {
      const WordPart& part = word.parts[i];
      switch (part.kind) {
        case WordPart::Kind::Literal:
          if (i == 0 && !part.quoted && (part.text == "~" || starts_with(part.text, "~/"))) {
            auto home = lookup("HOME", scope);
            add(home ? MaybeText(*home + part.text.substr(1)) : std::nullopt);
          } else {
            add(part.text);
          }
          break;
        case WordPart::Kind::Parameter:
          add(parameter(part, scope));
          break;
        case WordPart::Kind::CommandSubstitution: {
          Scope inner = scope;
          Stream produced = run_script(*part.script, inner, depth + 1);
          keep_signals(scope, inner);
          if (produced.kind == Stream::Kind::Literal) {
            std::string text = produced.text;
            while (!text.empty() && text.back() == '\n') text.pop_back();
            add(text);
          } else {
            add(std::nullopt);
          }
          break;
        }
        case WordPart::Kind::ProcessSubstitution: {
          Scope inner = scope;
          // >(cmd) reads what the command writes; the guard cannot follow that data.
          Stream feed = part.text.rfind(">(", 0) == 0 ? Stream::opaque("data written into a process substitution") : Stream{};
          Stream produced = run_script(*part.script, inner, depth + 1, feed);
          keep_signals(scope, inner);
          std::string path = "/dev/fd/" + std::to_string(63 - process_substitutions_++);
          scope.files[path] = produced.kind == Stream::Kind::Literal ? MaybeText(produced.text) : std::nullopt;
          add(path);
          break;
        }
        case WordPart::Kind::Arithmetic:
          add(std::nullopt);
          break;
      }
    }
    if (shape) *shape = guessed;
    if (!known) return std::nullopt;
    return out;
  }

  Args resolve_words(const std::vector<Word>& words, Scope& scope, int depth) {
    Args args;
    for (const auto& word : words) {
      // "$@" and "${array[@]}" stand for several words.
      if (word.parts.size() == 1 && word.parts[0].kind == WordPart::Kind::Parameter && word.parts[0].op.empty()) {
        const WordPart& p = word.parts[0];
        const std::vector<MaybeText>* items = nullptr;
        bool spreads = !p.quoted || p.text == "@" || p.index == "@";  // "$*" and "${a[*]}" join into one word
        if ((p.text == "@" || p.text == "*") && scope.positional && spreads) items = &*scope.positional;
        if ((p.index == "@" || p.index == "*") && scope.arrays.count(p.text) && spreads) items = &scope.arrays.at(p.text);
        if (items) {
          for (const auto& item : *items) args.push_back({item, word.source, item.value_or(kUnknown)});
          continue;
        }
      }
      std::string shape;
      MaybeText value = resolve(word, scope, depth, &shape);
      bool splits = word.parts.size() == 1 && !word.parts[0].quoted &&
                    (word.parts[0].kind == WordPart::Kind::Parameter || word.parts[0].kind == WordPart::Kind::CommandSubstitution);
      if (value && splits) {
        std::string current;
        for (char c : *value + " ") {
          if (std::isspace(static_cast<unsigned char>(c))) {
            if (!current.empty()) args.push_back({current, word.source, current});
            current.clear();
          } else {
            current += c;
          }
        }
        continue;
      }
      bool glob_chars = value && value->find_first_of("*?[") != std::string::npos &&
                        std::any_of(word.parts.begin(), word.parts.end(), [](const WordPart& p) {
                          return p.kind == WordPart::Kind::Literal && !p.quoted && p.text.find_first_of("*?[") != std::string::npos;
                        });
      if (glob_chars) {
        std::vector<std::string> matches = expand_glob(*value, scope.cwd);
        if (!matches.empty()) {
          for (const auto& m : matches) args.push_back({m, word.source, m});
          continue;
        }
      }
      args.push_back({value, word.source, shape});
    }
    return args;
  }

  static std::vector<std::string> expand_glob(const std::string& pattern, const std::string& cwd) {
    std::vector<std::string> matches;
    std::string full = resolve_path(cwd, pattern);
    glob_t g{};
    if (glob(full.c_str(), 0, nullptr, &g) == 0)
      for (size_t i = 0; i < g.gl_pathc && i < 256; ++i) {
        std::string m = g.gl_pathv[i];
        matches.push_back(pattern[0] == '/' || cwd.empty() ? m : m.substr(cwd.size() + (cwd.back() == '/' ? 0 : 1)));
      }
    globfree(&g);
    return matches;
  }

  MaybeText read_file(const std::string& path, const Scope& scope) const {
    std::string full = resolve_path(scope.cwd, path);
    if (auto it = scope.files.find(full); it != scope.files.end()) return it->second;
    if (auto it = scope.files.find(path); it != scope.files.end()) return it->second;
    return read_file_bounded(full, ctx_.max_file_bytes);
  }

  bool written_opaquely(const std::string& path, const Scope& scope) const {
    auto it = scope.files.find(resolve_path(scope.cwd, path));
    return it != scope.files.end() && !it->second;
  }

  // ---- simple commands ------------------------------------------------------------------------

  Stream redirected_input(const Command& command, Scope& scope, const Stream& piped, int depth) {
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

  Stream run_simple(const Command& command, Scope& scope, const Stream& piped, int depth) {
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

  void note_connection_export(const std::string& name, const MaybeText& value, Scope& scope, const std::string& how) {
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
  std::vector<TargetSignal> target_signals(const Exec& exec, const Scope& scope) const {
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
                           name + " (" + entry.second + ")", entry.first});
    }
    signals.insert(signals.end(), exec.signals.begin(), exec.signals.end());
    return signals;
  }

  // ---- dispatch -------------------------------------------------------------------------------

  Stream run_exec(Exec& exec, Scope& scope) {
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
      if (written.find('/') != std::string::npos && (scope.files.count(resolve_path(scope.cwd, written)) || written_opaquely(written, scope))) {
        Arg path{written, written, written};  // a script written earlier in the command, run by its path
        return run_script_file(path, exec, scope, false);
      }
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

  // Removes one wrapper (sudo, env, nice, ...) from exec.args. true: unwrapped, look again;
  // false: not a wrapper; nullopt: the wrapper runs nothing the guard follows.
  std::optional<bool> unwrap(const std::string& program, Exec& exec, Scope& scope) {
    Args& a = exec.args;
    auto drop = [&](size_t n) {
      a.erase(a.begin(), a.begin() + static_cast<long>(std::min(n, a.size())));
      if (a.empty()) return std::optional<bool>();
      return std::optional<bool>(true);
    };
    auto take_assignments = [&](size_t i) {
      while (i < a.size() && a[i].text && a[i].text->find('=') != std::string::npos && a[i].text->find('=') > 0 &&
             (*a[i].text)[0] != '-') {
        const std::string& t = *a[i].text;
        exec.env[t.substr(0, t.find('='))] = t.substr(t.find('=') + 1);
        ++i;
      }
      return i;
    };
    if (program == "sudo" || program == "doas" || program == "runuser") {
      size_t i = skip_options(a, 1, {"-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "-R", "--user", "--group"});
      return drop(take_assignments(i));
    }
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
      return drop(take_assignments(i));
    }
    if (program == "command") {
      size_t i = 1;
      while (i < a.size() && a[i].text && starts_with(*a[i].text, "-")) {
        if (*a[i].text == "-v" || *a[i].text == "-V") return false;  // prints the command's path
        ++i;
      }
      return drop(i);
    }
    if (program == "exec") return drop(skip_options(a, 1, {"-a"}));
    if (program == "nice") return drop(skip_options(a, 1, {"-n", "--adjustment"}));
    if (program == "nohup" || program == "builtin" || program == "unbuffer" || program == "caffeinate") return drop(1);
    if (program == "time") return drop(skip_options(a, 1, {"-f", "-o", "--format", "--output"}));
    if (program == "stdbuf") return drop(skip_options(a, 1, {"-i", "-o", "-e"}));
    if (program == "ionice") return drop(skip_options(a, 1, {"-c", "-n", "-p", "-t"}));
    if (program == "timeout") {
      size_t i = skip_options(a, 1, {"-s", "-k", "--signal", "--kill-after"});
      return drop(i + 1);  // the duration
    }
    if (program == "watch") {
      size_t i = skip_options(a, 1, {"-n", "--interval", "-q", "--equexit"});
      bool exec_direct = std::any_of(a.begin(), a.begin() + static_cast<long>(i), [](const Arg& x) { return x.text && *x.text == "-x"; });
      if (exec_direct) return drop(i);
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
    if (program == "setsid" || program == "coproc" || program == "corepack" || program == "chronic" || program == "catchsegv")
      return drop(skip_options(a, 1, {}));
    if (program == "flock") {
      size_t i = skip_options(a, 1, {"-w", "--timeout", "-E", "--conflict-exit-code"});
      if (i + 2 < a.size() && a[i + 1].text && (*a[i + 1].text == "-c" || *a[i + 1].text == "--command"))
        return run_string(a[i + 2], "flock -c", exec, scope);
      return drop(i + 1);  // the lock file
    }
    if (program == "script") {
      for (size_t i = 1; i + 1 < a.size(); ++i)
        if (a[i].text && (*a[i].text == "-c" || *a[i].text == "--command")) return run_string(a[i + 1], "script -c", exec, scope);
      return std::nullopt;
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
    if (program == "cross-env" || program == "cross-env-shell") return drop(take_assignments(1));
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
      if (i < a.size() && a[i].text && a[i].text->find("node_modules/.bin/") != std::string::npos) return drop(i);
      if (program == "bun" && i > 1) {
        a.erase(a.begin() + 1, a.begin() + static_cast<long>(i));
        return false;
      }
      return false;
    }
    // uv run / poetry run / bundle exec ... run their argument as a command.
    static const std::map<std::string, std::string, std::less<>> kRunners = {
        {"uv", "run"}, {"poetry", "run"}, {"pipenv", "run"}, {"pdm", "run"}, {"hatch", "run"}, {"rye", "run"}, {"bundle", "exec"}, {"be", ""}};
    if (auto it = kRunners.find(program); it != kRunners.end()) {
      if (it->second.empty()) return drop(1);
      if (a.size() < 2 || !a[1].text || *a[1].text != it->second) return false;
      return drop(skip_options(a, 2, {"--with", "--python", "-p", "--env", "-e"}));
    }
    if (starts_with(program, "python") && program.find_first_not_of("python0123456789.") == std::string::npos) {
      size_t i = skip_options(a, 1, {"-W", "-X"});
      if (i < a.size() && a[i].text && *a[i].text == "-m" && i + 1 < a.size()) return drop(i + 1);  // python -m alembic
      if (i < a.size() && a[i].text && ends_with(*a[i].text, ".py")) return drop(i);                 // python manage.py
      return false;
    }
    return false;
  }

  // A wrapper that runs a command line given as one string (flock -c, script -c, tmux).
  std::optional<bool> run_string(const Arg& command, const std::string& how, Exec& exec, Scope& scope) {
    if (!command.text) {
      opaque(how + " " + command.source);
      return std::nullopt;
    }
    Scope inner = scope;
    run_source(*command.text, inner, exec.depth + 1, exec.input);
    return std::nullopt;
  }

  // find ... -exec CMD {} \; runs CMD once per file; the file names are not known.
  std::optional<bool> unwrap_find(Exec& exec, Scope& scope) {
    Args& a = exec.args;
    for (size_t i = 1; i < a.size(); ++i) {
      const std::string t = a[i].text.value_or("");
      if (t != "-exec" && t != "-execdir" && t != "-ok" && t != "-okdir") continue;
      Exec inner = exec;
      inner.args.clear();
      for (++i; i < a.size(); ++i) {
        const std::string w = a[i].text.value_or("");
        if (w == ";" || w == "+") break;
        if (w.find("{}") != std::string::npos) inner.args.push_back({std::nullopt, "{}", kUnknown});
        else inner.args.push_back(a[i]);
      }
      inner.input = {};
      inner.depth = exec.depth + 1;
      if (!inner.args.empty()) run_exec(inner, scope);
    }
    return std::nullopt;
  }

  // parallel CMD ::: a b c runs CMD a, CMD b, CMD c.
  std::optional<bool> unwrap_parallel(Exec& exec, Scope& scope) {
    Args& a = exec.args;
    size_t i = skip_options(a, 1, {"-j", "--jobs", "-S", "--sshlogin", "--delay", "--timeout"});
    Args command;
    for (; i < a.size() && !(a[i].text && (*a[i].text == ":::" || *a[i].text == "::::")); ++i) command.push_back(a[i]);
    for (++i; i < a.size() && !command.empty(); ++i) {
      Exec inner = exec;
      inner.args = command;
      inner.args.push_back(a[i]);
      inner.depth = exec.depth + 1;
      run_exec(inner, scope);
    }
    return std::nullopt;
  }

  std::optional<bool> unwrap_xargs(Exec& exec) {
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

  Stream dispatch(const std::string& program, Exec& exec, Scope& scope) {
    Args& a = exec.args;
    if (kPsqlLike.count(program)) return run_psql(program, exec, scope);
    // Framework database consoles are psql underneath: rails dbconsole, manage.py dbshell [-- psql args].
    std::string first = a.size() > 1 ? a[1].text.value_or("") : "";
    if (((program == "rails" || program == "rake") && (first == "dbconsole" || first == "db")) ||
        ((program == "manage.py" || program == "django-admin") && first == "dbshell")) {
      Args psql = {{std::string("psql"), "psql", "psql"}};
      auto dashes = std::find_if(a.begin(), a.end(), [](const Arg& x) { return x.text && *x.text == "--"; });
      if (dashes != a.end()) psql.insert(psql.end(), dashes + 1, a.end());
      exec.args = psql;
      return run_psql(program + " " + first, exec, scope);
    }
    if (program == "php" && first == "artisan") {
      exec.args.erase(exec.args.begin());
      return dispatch("artisan", exec, scope);
    }
    if (kShells.count(program)) return run_shell(program, exec, scope);
    if (program == "eval") {
      for (size_t i = 1; i < a.size(); ++i)
        if (!a[i].text) {
          opaque("eval " + display(a, 1));
          return Stream::opaque("eval");
        }
      std::vector<std::string> words;
      for (size_t i = 1; i < a.size(); ++i) words.push_back(*a[i].text);
      return run_source(join(words, " "), scope, exec.depth + 1);
    }
    if (program == "source" || program == ".") return run_source_file(exec, scope);
    if (program == "cd" || program == "pushd") {
      if (a.size() > 1 && a[1].text && *a[1].text != "-") scope.cwd = resolve_path(scope.cwd, *a[1].text);
      return {};
    }
    if (program == "export" || program == "declare" || program == "typeset" || program == "local" || program == "readonly") {
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
    if (program == "set") {
      for (size_t i = 1; i < a.size(); ++i)
        if (a[i].text && *a[i].text == "--") {
          std::vector<MaybeText> positional;
          for (size_t k = i + 1; k < a.size(); ++k) positional.push_back(a[k].text);
          scope.positional = positional;
        }
      return {};
    }
    if (program == "alias") {
      for (size_t i = 1; i < a.size(); ++i) {
        size_t eq = a[i].text ? a[i].text->find('=') : std::string::npos;
        if (eq != std::string::npos && eq > 0) scope.aliases[a[i].text->substr(0, eq)] = a[i].text->substr(eq + 1);
      }
      return {};
    }
    if (program == "read") return run_read(exec, scope);
    if (program == "printf" && a.size() > 2 && a[1].text && *a[1].text == "-v") {
      Args rest(a.begin() + 3, a.end());
      rest.insert(rest.begin(), a[0]);
      Exec formatted = exec;
      formatted.args = rest;
      Stream out = produce("printf", formatted, scope);
      scope.vars[a[2].text.value_or("")] = out.kind == Stream::Kind::Literal ? MaybeText(out.text) : std::nullopt;
      return {};
    }
    if (program == "unset" || program == "shopt" || program == "trap" || program == "chmod") return {};
    if (program == "su") return run_su(exec, scope);
    if (program == "gcloud") return run_gcloud(exec);
    if (program == "heroku") return run_heroku(exec, scope);
    if (program == "ssh") return run_ssh(exec);
    if (program == "docker" || program == "podman" || program == "docker-compose") return run_docker(program, exec, scope);
    if (program == "kubectl" || program == "oc") return run_kubectl(exec, scope);
    if (program == "npx" || program == "bunx" || program == "pnpx") return run_npx(exec, scope);
    if (program == "npm" || program == "pnpm" || program == "yarn" || program == "bun") return run_package_manager(program, exec, scope);
    if (program == "dotenv" || program == "dotenvx" || program == "env-cmd") return run_dotenv(program, exec, scope);
    if (program == "node" || program == "tsx" || program == "ts-node") {
      for (size_t i = 1; i < a.size() && a[i].text; ++i)
        if (starts_with(*a[i].text, "--env-file=")) load_dotenv(a[i].text->substr(11), exec, scope);
    }
    if (program == "tee" || program == "cp" || program == "mv" || program == "install" || program == "sed" || program == "perl" ||
        program == "rm" || program == "ln" || program == "truncate") {
      note_config_writes(program, a);
    }
    if (const CliTool* tool = ctx_.catalog ? ctx_.catalog().find_tool(program) : nullptr) return run_catalog_tool(*tool, program, exec, scope);
    return produce(program, exec, scope);
  }

  // `read [-r] NAME...` takes the first line of its input into variables.
  Stream run_read(Exec& exec, Scope& scope) {
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
    std::vector<std::string> fields;
    std::string current;
    for (char c : line + " ") {
      if (std::isspace(static_cast<unsigned char>(c))) {
        if (!current.empty()) fields.push_back(current);
        current.clear();
      } else {
        current += c;
      }
    }
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

  void note_config_writes(const std::string& program, const Args& a) {
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

  // Output of the commands whose output the guard can compute; everything else is opaque.
  Stream produce(const std::string& program, Exec& exec, Scope& scope) {
    Args& a = exec.args;
    for (size_t i = 1; i < a.size(); ++i)  // grep/cut/cat of .env.production feed exports and prefixes
      if (a[i].text && is_dotenv_name(*a[i].text) && program != "cat")
        scope.signals.push_back({TargetSignal::Kind::DotenvFile, "dotenv file read by " + program, *a[i].text});
    std::vector<std::string> words;
    bool known = true;
    for (size_t i = 1; i < a.size(); ++i) {
      if (a[i].text) words.push_back(*a[i].text);
      else known = false;
    }
    if (program == "echo" || program == "printf") {
      if (!known) return Stream::opaque(program + " of values the guard cannot read");
      auto out = program == "echo" ? echo_output(words) : printf_output(words);
      return out ? Stream::literal(*out) : Stream::opaque(program + " with unsupported formatting");
    }
    if (program == "cat" || program == "tee") {
      std::vector<std::string> files;
      for (const auto& w : words)
        if (w != "-" && !starts_with(w, "-")) files.push_back(w);
      if (program == "tee") {
        for (const auto& f : files) scope.files[resolve_path(scope.cwd, f)] = exec.input.kind == Stream::Kind::Literal ? MaybeText(exec.input.text) : std::nullopt;
        return exec.input;
      }
      if (files.empty()) return exec.input;
      if (!known) return Stream::opaque("cat of files the guard cannot name");
      std::string content;
      for (const auto& f : files) {
        if (is_dotenv_name(f)) scope.signals.push_back({TargetSignal::Kind::DotenvFile, "dotenv file read", f});
        auto text = read_file(f, scope);
        if (!text) return Stream::opaque("the file " + f);
        content += *text;
      }
      return Stream::literal(content);
    }
    auto has = [&](std::initializer_list<const char*> flags) {
      return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
        return std::any_of(flags.begin(), flags.end(), [&](const char* f) { return w == f; });
      });
    };
    bool base64 = (program == "base64" && has({"-d", "--decode", "-D", "-di"})) ||
                  (program == "openssl" && has({"base64", "enc"}) && has({"-d"}) && (has({"base64"}) || has({"-base64", "-a"})));
    bool hex = program == "xxd" && has({"-r"}) && has({"-p", "-ps", "-plain"});
    if (base64 || hex) {
      if (exec.input.kind != Stream::Kind::Literal) return Stream::opaque(program + " decoding data the guard cannot read");
      auto decoded = base64 ? base64_decode(exec.input.text) : hex_decode(exec.input.text);
      bool text = decoded && is_valid_utf8(*decoded) && std::none_of(decoded->begin(), decoded->end(), [](char c) {
                    return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r';
                  });
      return text ? Stream::literal(*decoded) : Stream::opaque("base64 -d of binary data");
    }
    if (program == "yes") return Stream::literal((words.empty() ? std::string("y") : words[0]) + "\n");
    if (program == "which" || program == "command" || program == "type") {
      std::string out;
      for (const auto& w : words)
        if (!starts_with(w, "-")) out += (w.find('/') == std::string::npos ? "/usr/bin/" + w : w) + "\n";
      return Stream::literal(out);
    }
    if (program == "curl" || program == "wget") {
      for (size_t i = 1; i + 1 < a.size(); ++i) {
        const std::string t = a[i].text.value_or("");
        if ((t == "-o" || t == "-O" || t == "--output" || t == "--output-document") && a[i + 1].text && *a[i + 1].text != "-")
          scope.files[resolve_path(scope.cwd, *a[i + 1].text)] = std::nullopt;  // downloaded: unknown content
      }
      return Stream::opaque("a download by " + program);
    }
    if (program == "pg_dump" || program == "pg_dumpall") {
      bool to_file = std::any_of(words.begin(), words.end(), [](const std::string& w) {
        return w == "-f" || starts_with(w, "--file") || (starts_with(w, "-f") && w.size() > 2);
      });
      if (to_file) return {};
      bool clean = std::any_of(words.begin(), words.end(), [](const std::string& w) { return w == "-c" || w == "--clean"; });
      return {Stream::Kind::Dump, display(a), clean, {}};
    }
    return Stream::opaque("output of " + program);
  }

  // ---- psql -----------------------------------------------------------------------------------

  Stream run_psql(const std::string& program, Exec& exec, Scope& scope) {
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
        if (*v) signals.push_back({TargetSignal::Kind::Connection, "psql --host", **v});
      } else if (auto v = long_value("--dbname")) {
        if (*v) signals.push_back({TargetSignal::Kind::Connection, "psql --dbname", **v});
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
          signals.push_back({TargetSignal::Kind::Connection, "psql " + flag, *value});
      } else {
        positionals.push_back(arg);
        if (positionals.size() == 1) signals.push_back({TargetSignal::Kind::Connection, "psql database argument", arg});
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
      report_.sql.push_back(std::move(sink));
    }
    return Stream::opaque("output of psql");
  }

  static CliCall restore_call(const Stream& dump, const std::vector<TargetSignal>& signals) {
    CliSubcommand judgement;
    judgement.cls = dump.clean_dump ? CliClass::Destructive : CliClass::Write;
    judgement.what = dump.clean_dump ? "restores a dump made with --clean, which drops every object it re-creates in the target database"
                                     : "loads a full database dump into the target database";
    judgement.safe = "restore into a scratch database first (createdb scratch && pg_dump ... | psql scratch), check it, then ask the human";
    return {"pg_dump | psql", dump.text + " | psql", judgement, signals};
  }

  // ---- shells, scripts, remote execution ------------------------------------------------------

  Stream run_shell(const std::string& program, Exec& exec, Scope& scope) {
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

  Stream run_script_file(const Arg& path, Exec& exec, Scope& scope, bool same_scope) {
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

  Stream run_source_file(Exec& exec, Scope& scope) {
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

  void load_dotenv(const std::string& path, Exec& exec, Scope& scope) {
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

  Stream run_dotenv(const std::string& program, Exec& exec, Scope& scope) {
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

  Stream run_ssh(Exec& exec) {
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
  Stream run_gcloud(Exec& exec) {
    Args& a = exec.args;
    if (a.size() < 4 || a[1].text.value_or("") != "compute" || a[2].text.value_or("") != "ssh") return {};
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
  Stream run_heroku(Exec& exec, Scope& scope) {
    Args& a = exec.args;
    if (a.size() < 2 || a[1].text.value_or("") != "pg:psql") {
      if (const CliTool* tool = ctx_.catalog ? ctx_.catalog().find_tool("heroku") : nullptr) return run_catalog_tool(*tool, "heroku", exec, scope);
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

  Stream run_su(Exec& exec, Scope& scope) {
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

  Stream run_docker(const std::string& program, Exec& exec, Scope& scope) {
    Args& a = exec.args;
    size_t i = skip_options(a, 1, {"--context", "-H", "--host", "-c", "--config", "-l", "--log-level"});
    bool compose = program == "docker-compose";
    if (!compose && i < a.size() && a[i].text && *a[i].text == "compose") {
      compose = true;
      ++i;
    }
    if (compose) {
      while (i < a.size() && a[i].text && starts_with(*a[i].text, "-")) {
        const std::string& opt = *a[i].text;
        if (opt == "--env-file" && i + 1 < a.size() && a[i + 1].text) load_dotenv(*a[i + 1].text, exec, scope);
        static const std::set<std::string, std::less<>> kValue = {"-f", "--file", "-p", "--project-name", "--profile", "--env-file",
                                                                  "--project-directory", "--ansi", "--parallel", "--progress"};
        i += kValue.count(opt) ? 2 : 1;
      }
    }
    if (i >= a.size() || !a[i].text) return {};
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

  Stream run_kubectl(Exec& exec, Scope& scope) {
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

  // ---- package runners ------------------------------------------------------------------------

  Stream run_npx(Exec& exec, Scope& scope) {
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

  Stream run_bin(Exec& exec, size_t at, Scope& scope) {
    exec.args.erase(exec.args.begin(), exec.args.begin() + static_cast<long>(std::min(at, exec.args.size())));
    if (exec.args.empty()) return {};
    if (exec.args[0].text) {  // npx prisma@5 -> prisma
      std::string name = *exec.args[0].text;
      size_t at_sign = name.find('@', 1);
      if (at_sign != std::string::npos) exec.args[0].text = name.substr(0, at_sign);
    }
    return run_exec(exec, scope);
  }

  Stream run_package_manager(const std::string& pm, Exec& exec, Scope& scope) {
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

  Stream run_package_manager_at(const std::string& pm, Exec& exec, size_t at, Scope& scope) {
    exec.args.erase(exec.args.begin() + 1, exec.args.begin() + static_cast<long>(at));
    return run_package_manager(pm, exec, scope);
  }

  Stream run_named_script(const std::string& pm, Exec& exec, size_t at, Scope& scope, bool bin_fallback = false) {
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

  void judge_script(const std::string& name, const std::string& command, Exec& exec, Scope& scope, const std::string& unresolved) {
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
  void add_project_dotenv(Exec& exec, Scope& scope) {
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

  Stream run_catalog_tool(const CliTool& tool, const std::string& program, Exec& exec, Scope& scope) {
    std::vector<std::string> args;
    for (size_t i = 1; i < exec.args.size(); ++i) args.push_back(exec.args[i].text.value_or(exec.args[i].source));
    const CliSubcommand* sub = ctx_.catalog().match(tool, args);
    if (!sub || sub->cls == CliClass::Safe) return produce(program, exec, scope);
    for (size_t i = 0; i < args.size(); ++i) {
      const std::string& arg = args[i];
      size_t eq = arg.find('=');
      bool env_argument = eq != std::string::npos && eq > 0 && std::isupper(static_cast<unsigned char>(arg[0])) &&
                          std::all_of(arg.begin(), arg.begin() + static_cast<long>(eq), [](char c) {
                            return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
                          });
      if (env_argument) exec.env[arg.substr(0, eq)] = arg.substr(eq + 1);  // rake db:migrate RAILS_ENV=production
      if (arg == "--env-file" && i + 1 < args.size()) load_dotenv(args[i + 1], exec, scope);
      if (starts_with(arg, "--env-file=")) load_dotenv(arg.substr(11), exec, scope);
    }
    add_project_dotenv(exec, scope);
    std::vector<TargetSignal> signals = target_signals(exec, scope);
    std::vector<std::string> positionals = CliCatalog::positionals(tool, args);
    const auto& drivers = tool.driver_positionals;
    if (positionals.size() >= 2 && std::find(drivers.begin(), drivers.end(), positionals[0]) != drivers.end())
      signals.push_back({TargetSignal::Kind::Connection, tool.name + " database argument", positionals[1]});
    if (tool.database_positional && !positionals.empty())
      signals.push_back({TargetSignal::Kind::Connection, tool.name + " database argument", positionals[0]});
    for (const auto& value : CliCatalog::flag_values(args, tool.env_flags, tool.value_flags))
      signals.push_back({TargetSignal::Kind::EnvironmentName, tool.name + " environment flag", value});
    for (const auto& value : CliCatalog::flag_values(args, tool.url_flags, tool.value_flags))
      signals.push_back({TargetSignal::Kind::Connection, tool.name + " connection flag", value});
    bool local = std::any_of(tool.local_flags.begin(), tool.local_flags.end(),
                             [&](const std::string& f) { return CliCatalog::flag_present(args, f); });
    if (sub->remote && !local) signals.push_back({TargetSignal::Kind::EnvironmentName, tool.name + " linked remote project", "production"});
    report_.clis.push_back({tool.name, display(exec.args), *sub, signals});
    add_cli_sql(tool, *sub, args, exec, scope, signals);
    return produce(program, exec, scope);
  }

  // SQL a CLI runs itself (prisma db execute --file x.sql, typeorm query "..."): judged like psql's.
  void add_cli_sql(const CliTool& tool, const CliSubcommand& sub, const std::vector<std::string>& args, Exec& exec, Scope& scope,
                   const std::vector<TargetSignal>& signals) {
    auto push = [&](const std::string& via, MaybeText sql, const std::string& why) {
      SqlSink sink;
      sink.via = via;
      sink.sql = sql;
      if (!sql) sink.opaque_reason = why;
      sink.target = signals;
      report_.sql.push_back(std::move(sink));
    };
    for (const auto& v : CliCatalog::flag_values(args, sub.sql_flags, tool.value_flags)) push(tool.name + " SQL argument", v, "");
    for (const auto& f : CliCatalog::flag_values(args, sub.sql_file_flags, tool.value_flags))
      push(tool.name + " " + f, read_file(f, scope), "the file " + f + " cannot be read");
    for (const auto& flag : sub.sql_stdin_flags)
      if (CliCatalog::flag_present(args, flag))
        push(tool.name + " standard input", exec.input.kind == Stream::Kind::Literal ? MaybeText(exec.input.text) : std::nullopt,
             "its standard input cannot be read");
    if (sub.sql_positional) {
      auto positionals = CliCatalog::positionals(tool, args);
      if (positionals.size() > sub.args.size()) push(tool.name + " SQL argument", positionals[sub.args.size()], "");
    }
  }
};

}  // namespace

Report find(std::string_view command, const FindContext& context) {
  Finder finder(context);
  return finder.run(command);
}

}  // namespace pgguard::sinks
