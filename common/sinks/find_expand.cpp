// Word expansion as bash does it, as far as the values are known, and the files a command reads.
#include <fnmatch.h>
#include <glob.h>

#include <algorithm>

#include "shell/expand.h"
#include "sinks/finder.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks::finder {
namespace {

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

}  // namespace

MaybeText Finder::lookup(const std::string& name, const Scope& scope) const {
  if (name == "PWD" && !scope.vars.count(name) && !scope.cwd.empty()) return scope.cwd;
  if (auto it = scope.vars.find(name); it != scope.vars.end()) return it->second;
  if (auto it = ctx_.env.find(name); it != ctx_.env.end()) return it->second;
  return std::nullopt;
}

// The value of $name, ${name[i]}, $1, $@ with the ${...} operator applied; nullopt when unknown.
MaybeText Finder::parameter(const WordPart& part, Scope& scope) {
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
void Finder::keep_signals(Scope& outer, const Scope& inner) {
  for (size_t i = outer.signals.size(); i < inner.signals.size(); ++i) outer.signals.push_back(inner.signals[i]);
}

// A word's value, or nullopt; `shape` receives the text with unknown parts as placeholders.
MaybeText Finder::resolve(const Word& word, Scope& scope, int depth, std::string* shape) {
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
      case WordPart::Kind::Unexpanded:
        add(std::nullopt);
        break;
    }
  }
  if (shape) *shape = guessed;
  if (!known) return std::nullopt;
  return out;
}

Args Finder::resolve_words(const std::vector<Word>& words, Scope& scope, int depth) {
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
      MaybeText ifs = lookup("IFS", scope);
      for (auto& field : shell::split_fields(*value, ifs ? *ifs : " \t\n")) args.push_back({field, word.source, field});
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

std::vector<std::string> Finder::expand_glob(const std::string& pattern, const std::string& cwd) {
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

MaybeText Finder::read_file(const std::string& path, const Scope& scope) const {
  std::string full = resolve_path(scope.cwd, path);
  if (auto it = scope.files.find(full); it != scope.files.end()) return it->second;
  if (auto it = scope.files.find(path); it != scope.files.end()) return it->second;
  return read_file_bounded(full, ctx_.max_file_bytes);
}

bool Finder::written_opaquely(const std::string& path, const Scope& scope) const {
  auto it = scope.files.find(resolve_path(scope.cwd, path));
  return it != scope.files.end() && !it->second;
}

}  // namespace pgguard::sinks::finder
