#include "sinks/interpreters.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <stdexcept>

#include "util/json_fields.h"
#include "util/embedded.h"
#include "util/text.h"

namespace pgguard::sinks {
namespace {

constexpr char kUnknown[] = "pgguard_unknown";
// How far a call's arguments and one literal are read: bounds the scan of code that never closes
// a quote or a parenthesis.
constexpr size_t kMaxArgumentBytes = 16 * 1024;

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '!' || c == '?'; }
bool is_method(const std::string& call) { return call[0] == '.' || starts_with(call, "->") || starts_with(call, "::"); }
std::string bare(const std::string& call) { return call.substr(call.find_first_not_of(".->:")); }

struct Literal {
  std::string text;
  bool partial = false;
  size_t end = 0;  // just after the literal and what continues it
};

size_t skip_blanks(std::string_view code, size_t p) {
  while (p < code.size() && std::isspace(static_cast<unsigned char>(code[p]))) ++p;
  return p;
}

// The end of an interpolation that starts at code[p] (`{`), or npos.
size_t interpolation_end(std::string_view code, size_t p) {
  int depth = 0;
  for (; p < code.size(); ++p) {
    if (code[p] == '{') ++depth;
    if (code[p] == '}' && --depth == 0) return p + 1;
  }
  return std::string_view::npos;
}

// A string literal starting at code[p], with placeholders for interpolated parts and for
// anything concatenated to it; nullopt when no literal starts there.
std::optional<Literal> parse_literal(const Language& lang, std::string_view code, size_t p) {
  bool raw = false, formatted = false;
  if (lang.name == "python")
    for (size_t k = 0; k < 2 && p < code.size() && std::strchr("rbfuRBFU", code[p]) && code[p] != '\0'; ++k, ++p) {
      raw = raw || code[p] == 'r' || code[p] == 'R';
      formatted = formatted || code[p] == 'f' || code[p] == 'F';
    }
  if (p >= code.size()) return std::nullopt;
  char quote = code[p];
  if (quote != '"' && quote != '\'' && !(quote == '`' && lang.name == "node")) return std::nullopt;
  bool triple = lang.name == "python" && code.substr(p, 3) == std::string(3, quote);
  bool interpolates = formatted || quote == '`' || (quote == '"' && lang.name != "python" && lang.name != "node");
  Literal out;
  size_t limit = std::min(code.size(), p + kMaxArgumentBytes);
  p += triple ? 3 : 1;
  while (true) {
    if (p >= limit) return std::nullopt;  // unterminated, or longer than the guard reads
    if (triple ? code.substr(p, 3) == std::string(3, quote) : code[p] == quote) {
      p += triple ? 3 : 1;
      break;
    }
    char c = code[p];
    if (c == '\\' && !raw && p + 1 < code.size()) {
      char n = code[p + 1];
      out.text += n == 'n' ? '\n' : n == 't' ? '\t' : n;
      p += 2;
      continue;
    }
    bool opens = interpolates && ((formatted && c == '{' && code.substr(p, 2) != "{{") ||
                                  (c == '$' && p + 1 < code.size() && code[p + 1] == '{') || (c == '#' && p + 1 < code.size() && code[p + 1] == '{'));
    if (opens) {
      size_t end = interpolation_end(code, c == '{' ? p : p + 1);
      if (end == std::string_view::npos) return std::nullopt;
      out.text += kUnknown;
      out.partial = true;
      p = end;
      continue;
    }
    if (interpolates && c == '$' && (lang.name == "php" || lang.name == "perl") && p + 1 < code.size() && (std::isalpha(static_cast<unsigned char>(code[p + 1])) || code[p + 1] == '_')) {
      ++p;
      while (p < code.size() && word_char(code[p])) ++p;
      out.text += kUnknown;
      out.partial = true;
      continue;
    }
    out.text += c;
    ++p;
  }
  size_t next = skip_blanks(code, p);
  // "..." + name, "..." % args, "...".format(...), '...' . $name: the rest is not known.
  if (next < code.size() && (code[next] == '+' || code[next] == '%' || code[next] == '.')) {
    out.text += " ";
    out.text += kUnknown;
    out.partial = true;
  }
  out.end = p;
  return out;
}

// The end of the argument starting at p: the next `,` or `)` outside brackets and strings.
size_t argument_end(std::string_view code, size_t p) {
  int depth = 0;
  size_t limit = std::min(code.size(), p + kMaxArgumentBytes);
  while (p < limit) {
    char c = code[p];
    if (c == '"' || c == '\'' || c == '`') {  // skip the string: its closing quote, escapes honoured
      size_t q = p + 1;
      while (q < limit && code[q] != c) q += code[q] == '\\' ? 2 : 1;
      p = q + 1;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth-- == 0) return p;
    if (c == ',' && depth == 0) return p;
    ++p;
  }
  return std::min(p, code.size());
}

// ["psql", "-c", "DROP ..."]: a command given as a list of literal words.
std::optional<std::string> literal_list(const Language& lang, std::string_view code, size_t p) {
  std::vector<std::string> words;
  p = skip_blanks(code, p + 1);
  while (p < code.size() && code[p] != ']') {
    auto literal = parse_literal(lang, code, p);
    if (!literal || literal->partial) return std::nullopt;
    words.push_back(shell_quote(literal->text));
    p = skip_blanks(code, literal->end);
    if (p < code.size() && code[p] == ',') p = skip_blanks(code, p + 1);
  }
  return join(words, " ");
}

// The call's argument: its first literal, or nullopt. `nested` is set when the argument is itself
// a listed call (execute(text("..."))), which is scanned on its own.
std::optional<Literal> call_argument(const Language& lang, std::string_view code, size_t p, CodeCall::Kind kind,
                                     const std::vector<std::string>& calls, bool& nested) {
  p = skip_blanks(code, p);
  if (p >= code.size()) return std::nullopt;
  if (code[p] == '`') return parse_literal(lang, code, p);  // sql`...`: a tagged template
  bool parens = code[p] == '(';
  if (parens) ++p;
  for (int argument = 0; argument < 8 && p < code.size(); ++argument) {
    p = skip_blanks(code, p);
    if (p >= code.size() || code[p] == ')') return std::nullopt;
    if (auto literal = parse_literal(lang, code, p)) return literal;
    if (kind == CodeCall::Kind::Shell && code[p] == '[') {
      if (auto words = literal_list(lang, code, p)) return Literal{*words, false, p};
      return std::nullopt;
    }
    size_t name_end = p;
    while (name_end < code.size() && (word_char(code[name_end]) || code[name_end] == '.' || code[name_end] == ':')) ++name_end;
    std::string name(code.substr(p, name_end - p));
    name = name.substr(name.find_last_of(".:") == std::string::npos ? 0 : name.find_last_of(".:") + 1);
    if (name_end < code.size() && code[name_end] == '(' &&
        std::any_of(calls.begin(), calls.end(), [&](const std::string& c) { return bare(c) == name; })) {
      nested = true;
      return std::nullopt;
    }
    if (!parens) return std::nullopt;
    p = argument_end(code, p);
    if (p >= code.size() || code[p] != ',') return std::nullopt;
    ++p;
  }
  return std::nullopt;
}

void find_calls(const Language& lang, std::string_view code, const std::vector<std::string>& calls, CodeCall::Kind kind,
                size_t max_calls, std::vector<CodeCall>& out) {
  for (const auto& call : calls) {
    for (size_t at = code.find(call); at != std::string_view::npos && out.size() < max_calls; at = code.find(call, at + 1)) {
      size_t end = at + call.size();
      if (end < code.size() && word_char(code[end])) continue;
      if (!is_method(call) && at > 0 && (word_char(code[at - 1]) || std::strchr(".>:", code[at - 1]))) continue;
      if (end < code.size() && !std::isspace(static_cast<unsigned char>(code[end])) && code[end] != '(' && code[end] != '`') continue;
      bool nested = false;
      auto literal = call_argument(lang, code, end, kind, calls, nested);
      if (nested) continue;
      if (!literal && kind == CodeCall::Kind::Shell) continue;  // a command built at run time: nothing literal to read
      size_t after = skip_blanks(code, end);
      bool called = literal || (after < code.size() && code[after] == '(');
      if (!called) continue;  // a name, not a call
      CodeCall found;
      found.kind = kind;
      found.call = call;
      found.line = 1 + static_cast<int>(std::count(code.begin(), code.begin() + static_cast<long>(at), '\n'));
      if (literal) {
        found.text = literal->text;
        found.partial = literal->partial;
      }
      out.push_back(std::move(found));
    }
  }
}

// `command` in Ruby, Perl and PHP.
void find_backticks(const Language& lang, std::string_view code, size_t max_calls, std::vector<CodeCall>& out) {
  Language interpolating = lang;
  interpolating.name = "node";  // parse `...` as a template: #{...} and ${...} are unknown parts
  for (size_t at = code.find('`'); at != std::string_view::npos && out.size() < max_calls;) {
    size_t close = code.find('`', at + 1);
    if (close == std::string_view::npos) break;
    std::string text(code.substr(at + 1, close - at - 1));
    bool partial = text.find("#{") != std::string::npos || text.find("${") != std::string::npos;
    CodeCall found{CodeCall::Kind::Shell, "`...`", text, partial, 1 + static_cast<int>(std::count(code.begin(), code.begin() + static_cast<long>(at), '\n'))};
    if (partial) found.text = parse_literal(interpolating, code, at).value_or(Literal{text, true, 0}).text;
    out.push_back(std::move(found));
    at = code.find('`', close + 1);
  }
}

// Compiled on first use: most hook runs read no code.
const RE2& drivers_pattern(const Language& language) {
  static std::map<std::string, std::unique_ptr<RE2>> compiled;
  auto& re = compiled[language.name];
  if (!re) {
    RE2::Options options;
    options.set_log_errors(false);
    re = std::make_unique<RE2>(language.drivers, options);
    if (!re->ok()) throw std::runtime_error("bad drivers pattern in interpreters.json for " + language.name);
  }
  return *re;
}

}  // namespace

std::vector<CodeCall> scan_code(const Language& language, std::string_view code, bool driver_loaded, size_t max_calls) {
  std::vector<CodeCall> out;
  bool driver = driver_loaded || RE2::PartialMatch(re2::StringPiece(code.data(), code.size()), drivers_pattern(language));
  if (driver) find_calls(language, code, language.sql_calls, CodeCall::Kind::Sql, max_calls, out);
  find_calls(language, code, language.shell_calls, CodeCall::Kind::Shell, max_calls, out);
  if (language.backticks) find_backticks(language, code, max_calls, out);
  std::sort(out.begin(), out.end(), [](const CodeCall& a, const CodeCall& b) { return a.line < b.line; });
  return out;
}

std::vector<std::string> connection_urls(std::string_view code) {
  static const RE2 url(R"((postgres(?:ql)?://[^\s'"`]+))");
  std::vector<std::string> out;
  re2::StringPiece input(code.data(), code.size());
  std::string found;
  while (out.size() < 16 && RE2::FindAndConsume(&input, url, &found)) out.push_back(found);
  return out;
}

const InterpreterCatalog& InterpreterCatalog::builtin() {
  static const InterpreterCatalog catalog = load(embedded_file("interpreters.json"));
  return catalog;
}

InterpreterCatalog InterpreterCatalog::load(std::string_view json_text) {
  using namespace json_fields;
  rapidjson::Document doc;
  parse_catalog(doc, json_text, "interpreters.json");
  InterpreterCatalog catalog;
  if (const rapidjson::Value* list = member(doc, "languages"); list && list->IsArray())
    for (const rapidjson::Value& entry : list->GetArray()) {
      Language lang;
      lang.name = text(entry, "name");
      lang.programs = strings(entry, "programs");
      lang.extensions = strings(entry, "extensions");
      lang.code_flags = strings(entry, "code_flags");
      lang.value_flags = strings(entry, "value_flags");
      lang.check_flags = strings(entry, "check_flags");
      lang.drivers = text(entry, "drivers");
      lang.sql_calls = strings(entry, "sql_calls");
      lang.shell_calls = strings(entry, "shell_calls");
      lang.backticks = flag(entry, "backticks");
      catalog.languages_.push_back(std::move(lang));
    }
  if (const rapidjson::Value* list = member(doc, "runners"); list && list->IsArray())
    for (const rapidjson::Value& entry : list->GetArray())
      catalog.runners_.push_back({strings(entry, "programs"), strings(entry, "subcommand"), text(entry, "language"), strings(entry, "code_flags")});
  return catalog;
}

const Language* InterpreterCatalog::language_of_program(std::string_view program) const {
  for (const auto& lang : languages_)
    if (std::find(lang.programs.begin(), lang.programs.end(), program) != lang.programs.end()) return &lang;
  return nullptr;
}

const Language* InterpreterCatalog::language_of_file(std::string_view path) const {
  for (const auto& lang : languages_)
    for (const auto& extension : lang.extensions)
      if (ends_with(path, extension)) return &lang;
  return nullptr;
}

const Language* InterpreterCatalog::language_named(std::string_view name) const {
  for (const auto& lang : languages_)
    if (lang.name == name) return &lang;
  return nullptr;
}

bool InterpreterCatalog::has_runner(std::string_view program) const {
  return std::any_of(runners_.begin(), runners_.end(), [&](const Runner& r) { return std::find(r.programs.begin(), r.programs.end(), program) != r.programs.end(); });
}

const Runner* InterpreterCatalog::runner(std::string_view program, const std::vector<std::string>& args) const {
  for (const auto& r : runners_) {
    if (std::find(r.programs.begin(), r.programs.end(), program) == r.programs.end() || args.size() < r.subcommand.size()) continue;
    if (std::equal(r.subcommand.begin(), r.subcommand.end(), args.begin())) return &r;
  }
  return nullptr;
}

}  // namespace pgguard::sinks
