#include "lint/builders/translate.h"

#include <algorithm>
#include <cctype>

namespace pgguard::lint::builders {

namespace {

constexpr size_t kMaxCalls = 1000;
constexpr size_t kMaxTokens = 200000;  // for all the calls of a file

// Whether `offset` is in a line comment (or a /* */ block's continuation line): calls named in
// comments are not run.
bool in_comment(const std::string& text, size_t offset, Language language) {
  size_t line = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line = line == std::string::npos ? 0 : line + 1;
  std::string before = text.substr(line, offset - line);
  if (language == Language::Python) return before.find('#') != std::string::npos;
  size_t first = before.find_first_not_of(" \t");
  return before.find("//") != std::string::npos || (first != std::string::npos && (before[first] == '*' || before.compare(first, 2, "/*") == 0));
}

}  // namespace

void for_each_call(const std::string& text, const RE2& pattern, Language language, Output& out,
                   const std::function<void(const Value& chain, Output& out)>& translate) {
  re2::StringPiece input(text);
  re2::StringPiece groups[2];
  size_t pos = 0, calls = 0, tokens = kMaxTokens;
  while (pos < text.size() && pattern.Match(input, pos, text.size(), RE2::UNANCHORED, groups, 2)) {
    size_t start = static_cast<size_t>(groups[0].data() - text.data());
    pos = start + groups[0].size();
    if (in_comment(text, start, language)) continue;
    std::string call;  // "knex.schema.createTable"
    for (char c : std::string(groups[0].data(), groups[0].size()))
      if (!std::isspace(static_cast<unsigned char>(c)) && c != '(') call += c;
    if (++calls > kMaxCalls || tokens == 0) {
      out.unlintable.push_back({start, call, "is past what pgguard reads of builder calls in one file (" + std::to_string(kMaxCalls) +
                                                 " calls, " + std::to_string(kMaxTokens) + " tokens), as are the calls after it"});
      return;
    }
    // The search goes on inside the call's arguments: a callback may hold calls of its own
    // (knex.schema.hasTable(...).then(() => knex.schema.createTable(...))).
    Value chain = read_expression(text, start, language, tokens);
    if (!chain.is(Value::Kind::Chain)) {
      out.unlintable.push_back({start, call, "is written in a form pgguard cannot read"});
      continue;
    }
    try {
      translate(chain, out);
    } catch (const NotLiteral& problem) {
      out.unlintable.push_back({start, call, problem.what});
    }
  }
}

void for_each_method_call(const std::string& text, const RE2& pattern, Language language, Output& out,
                          void (*translate)(const Link& call, Output& out)) {
  for_each_call(text, pattern, language, out, [translate](const Value& chain, Output& o) {
    if (chain.links.size() >= 2 && chain.links[1].called) translate(chain.links[1], o);
  });
}

const std::string& need_string(const Value* v, const std::string& what) {
  if (!v || !v->is(Value::Kind::String)) throw NotLiteral{"has " + what + " that is not a literal string"};
  return v->text;
}

const std::string& need_scalar(const Value* v, const std::string& what) {
  if (!v || !(v->is(Value::Kind::String) || v->is(Value::Kind::Number))) throw NotLiteral{"has " + what + " that is not a literal"};
  return v->text;
}

std::vector<std::string> need_strings(const Value* v, const std::string& what) {
  if (v && v->is(Value::Kind::Array)) {
    std::vector<std::string> names;
    for (const auto& item : v->items) names.push_back(need_string(&item, what));
    if (names.empty()) throw NotLiteral{"has an empty list of " + what};
    return names;
  }
  return {need_string(v, what)};
}

const Value& need_object(const Value* v, const std::string& what) {
  if (!v || !v->is(Value::Kind::Object) || !v->literal()) throw NotLiteral{"has " + what + " that is not a literal object"};
  return *v;
}

const Value* arg(const Link& link, size_t index) { return index < link.args.size() ? &link.args[index] : nullptr; }

const Value* keyword(const Link& link, const std::string& name) {
  for (const auto& [key, value] : link.keywords)
    if (key == name) return &value;
  return nullptr;
}

bool is_true(const Value* v) { return v && v->is(Value::Kind::Bool) && v->text == "true"; }

std::string quote_string(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string upper(const std::string& s) {
  std::string out = s;
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string quote_ident(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string quote_idents(const std::vector<std::string>& names, const std::string& separator) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : separator) + quote_ident(name);
  return out;
}

std::string sql_literal(const Value& v, const std::string& what) {
  switch (v.kind) {
    case Value::Kind::String: return quote_string(v.text);
    case Value::Kind::Number:
    case Value::Kind::Bool: return v.text;
    case Value::Kind::Null: return "NULL";
    default: throw NotLiteral{"has " + what + " that is not a literal"};
  }
}

const Link* link_named(const Value& chain, const std::string& name) {
  for (const auto& link : chain.links)
    if (link.name == name) return &link;
  return nullptr;
}

}  // namespace pgguard::lint::builders
