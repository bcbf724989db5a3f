#include "lint/builders/reader.h"

#include <cctype>
#include <cstring>

#include "util/text.h"

namespace pgguard::lint::builders {
namespace {

constexpr int kMaxDepth = 24;

struct Token {
  enum class Kind { End, Name, String, Number, Punct };
  Kind kind = Kind::End;
  std::string text;
  size_t offset = 0;
  size_t end = 0;
  bool dynamic = false;  // a template literal with ${...} or a Python f-string with {...}
};

bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }
bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

class Reader {
 public:
  Reader(const std::string& text, size_t offset, Language language, size_t& token_budget)
      : text_(text), pos_(offset), python_(language == Language::Python), last_end_(offset), token_budget_(token_budget) {}

  Value value(int depth);

 private:
  const std::string& text_;
  size_t pos_;
  bool python_;
  size_t last_end_;  // where the last token taken ends
  size_t& token_budget_;
  Token cached_;
  bool has_cached_ = false;

  const Token& peek() {
    if (!has_cached_) {
      cached_ = lex();
      has_cached_ = true;
    }
    return cached_;
  }
  Token take() {
    Token t = peek();
    has_cached_ = false;
    pos_ = t.end;
    last_end_ = t.end;
    return t;
  }
  // A name on a later line starts the next statement (JS without semicolons, Python).
  bool at_next_line_statement() {
    const Token& t = peek();
    return t.kind == Token::Kind::Name && t.offset > last_end_ && text_.find('\n', last_end_) < t.offset;
  }
  bool at(const char* punct) { return peek().kind == Token::Kind::Punct && peek().text == punct; }
  bool at_name(const char* name) { return peek().kind == Token::Kind::Name && peek().text == name; }
  bool done() { return peek().kind == Token::Kind::End; }

  void skip_blank(size_t& i) const;
  Token lex();
  Token lex_string(size_t i, size_t prefix);
  void skip_to_delimiter();
  bool at_delimiter();
  bool next_item(const char* close);
  Value finish(Value v);
  Value chain(int depth);
  void call_arguments(Link& link, int depth);
  Value array(const char* close, int depth);
  Value object(int depth);
  Value function(int depth);
  bool arrow_ahead();
  void function_body(Value& fn, int depth);
};

void Reader::skip_blank(size_t& i) const {
  while (i < text_.size()) {
    char c = text_[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (python_ ? c == '#' : text_.compare(i, 2, "//") == 0) {
      while (i < text_.size() && text_[i] != '\n') ++i;
    } else if (!python_ && text_.compare(i, 2, "/*") == 0) {
      size_t close = text_.find("*/", i + 2);
      i = close == std::string::npos ? text_.size() : close + 2;
    } else {
      break;
    }
  }
}

Token Reader::lex() {
  size_t i = pos_;
  skip_blank(i);
  Token t;
  t.offset = t.end = i;
  if (i >= text_.size() || token_budget_ == 0) return t;
  --token_budget_;
  char c = text_[i];
  size_t prefix = 0;
  if (python_)
    while (prefix < 2 && i + prefix < text_.size() && std::strchr("rRbBuUfF", text_[i + prefix])) ++prefix;
  if (prefix > 0 && i + prefix < text_.size() && (text_[i + prefix] == '\'' || text_[i + prefix] == '"')) return lex_string(i, prefix);
  if (c == '\'' || c == '"' || (c == '`' && !python_)) return lex_string(i, 0);
  if (name_start(c)) {
    size_t j = i;
    while (j < text_.size() && name_char(text_[j])) ++j;
    t.kind = Token::Kind::Name;
    t.text = text_.substr(i, j - i);
    t.end = j;
    return t;
  }
  if (std::isdigit(static_cast<unsigned char>(c))) {
    size_t j = i;
    while (j < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[j])) || text_[j] == '.' || text_[j] == '_')) ++j;
    t.kind = Token::Kind::Number;
    t.text = text_.substr(i, j - i);
    t.end = j;
    return t;
  }
  t.kind = Token::Kind::Punct;
  for (const char* two : {"=>", "...", "?.", "**", "==", "!=", "<=", ">="}) {
    size_t n = std::strlen(two);
    if (text_.compare(i, n, two) == 0) {
      t.text = two;
      t.end = i + n;
      return t;
    }
  }
  t.text = std::string(1, c);
  t.end = i + 1;
  return t;
}

// A quoted string from text_[i] (after `prefix` letters such as r or f); escapes are decoded.
Token Reader::lex_string(size_t i, size_t prefix) {
  Token t;
  t.kind = Token::Kind::String;
  t.offset = i;
  std::string letters = to_lower(text_.substr(i, prefix));
  size_t start = i + prefix;
  char quote = text_[start];
  bool triple = python_ && text_.compare(start, 3, std::string(3, quote)) == 0;
  std::string close = triple ? std::string(3, quote) : std::string(1, quote);
  bool raw = letters.find('r') != std::string::npos;
  bool formatted = letters.find('f') != std::string::npos;
  size_t j = start + close.size();
  while (j < text_.size() && text_.compare(j, close.size(), close) != 0) {
    char c = text_[j];
    if (c == '\n' && !triple && quote != '`') break;
    if (quote == '`' && text_.compare(j, 2, "${") == 0) t.dynamic = true;
    if (formatted && c == '{') t.dynamic = true;
    if (c == '\\' && !raw && j + 1 < text_.size()) {
      char e = text_[j + 1];
      t.text += e == 'n' ? '\n' : e == 't' ? '\t' : e;
      j += 2;
      continue;
    }
    t.text += c;
    ++j;
  }
  t.end = std::min(text_.size(), j + close.size());
  return t;
}

bool Reader::at_delimiter() {
  if (done()) return true;
  if (peek().kind != Token::Kind::Punct) return false;
  const std::string& p = peek().text;
  return p == "," || p == ")" || p == "]" || p == "}" || p == ";" || p == ":";
}

// Skips the rest of an expression this reader does not understand, up to a `,` or a closer of the
// enclosing list (or `;`) at the same nesting.
void Reader::skip_to_delimiter() {
  int nesting = 0;
  while (!done()) {
    const Token& t = peek();
    if (t.kind == Token::Kind::Punct) {
      const std::string& p = t.text;
      if (nesting == 0 && (p == "," || p == ")" || p == "]" || p == "}" || p == ";")) return;
      if (p == "(" || p == "[" || p == "{") ++nesting;
      if (p == ")" || p == "]" || p == "}") --nesting;
    }
    take();
  }
}

// After a list item: steps over its comma; false (having skipped to the next comma or closer) when
// something else follows it, which makes the item not literal.
bool Reader::next_item(const char* close) {
  if (at(",")) {
    take();
    return true;
  }
  if (at(close)) return true;
  skip_to_delimiter();
  return false;
}

// After a complete operand: anything but a delimiter (an operator, `as Type`) makes it Unknown.
Value Reader::finish(Value v) {
  if (at_delimiter() || at_next_line_statement()) return v;
  Value unknown;
  unknown.offset = v.offset;
  skip_to_delimiter();
  return unknown;
}

bool Reader::arrow_ahead() {
  // `(` params `)` `=>`: scan to the matching parenthesis without consuming.
  size_t save_pos = pos_;
  Token save = cached_;
  bool save_has = has_cached_;
  int nesting = 0;
  bool arrow = false;
  while (!done()) {
    Token t = take();
    if (t.kind != Token::Kind::Punct) continue;
    if (t.text == "(") ++nesting;
    if (t.text == ")" && --nesting == 0) {
      if (at(":")) {  // TypeScript return type: (t): void => ...
        take();
        while (!done() && !at("=>") && !at("{") && !at(",") && !at(")")) take();
      }
      arrow = at("=>");
      break;
    }
  }
  pos_ = save_pos;
  cached_ = save;
  has_cached_ = save_has;
  return arrow;
}

Value Reader::value(int depth) {
  Value v;
  v.offset = peek().offset;
  if (depth > kMaxDepth || done()) {
    skip_to_delimiter();
    return v;
  }
  const Token& t = peek();
  if (t.kind == Token::Kind::String) {
    Token s = take();
    bool dynamic = s.dynamic;
    v.text = s.text;
    while (python_ && peek().kind == Token::Kind::String) {  // "a" "b" is one string in Python
      dynamic = dynamic || peek().dynamic;
      v.text += take().text;
    }
    v.kind = dynamic ? Value::Kind::Unknown : Value::Kind::String;
    return finish(std::move(v));
  }
  if (t.kind == Token::Kind::Number || (at("-") && (take(), peek().kind == Token::Kind::Number))) {
    v.kind = Value::Kind::Number;
    v.text = (text_[v.offset] == '-' ? "-" : "") + take().text;
    return finish(std::move(v));
  }
  if (at("[")) {
    take();
    return finish(array("]", depth + 1));
  }
  if (at("{")) {
    take();
    return finish(object(depth + 1));
  }
  if (at("(")) {
    if (!python_ && arrow_ahead()) return function(depth + 1);
    take();
    Value inner = array(")", depth + 1);  // a Python tuple, or a parenthesized expression
    if (inner.items.size() == 1) {
      Value only = std::move(inner.items[0]);  // assigned from a part of itself, inner would free what it copies
      inner = std::move(only);
    }
    return finish(std::move(inner));
  }
  if (t.kind == Token::Kind::Name) {
    const std::string& name = t.text;
    if (name == "true" || name == "false" || name == "True" || name == "False") {
      v.kind = Value::Kind::Bool;
      v.text = to_lower(take().text);
      return finish(std::move(v));
    }
    if (name == "null" || name == "undefined" || name == "None") {
      take();
      v.kind = Value::Kind::Null;
      return finish(std::move(v));
    }
    if (name == "await" || name == "async" || name == "return") {
      take();
      return value(depth + 1);
    }
    if (name == "new") {
      take();
      Value constructed = chain(depth + 1);
      constructed.is_new = true;
      return finish(std::move(constructed));
    }
    if (!python_ && name == "function") return function(depth + 1);
    return finish(chain(depth + 1));
  }
  take();
  skip_to_delimiter();
  return v;
}

Value Reader::chain(int depth) {
  Value v;
  v.kind = Value::Kind::Chain;
  v.offset = peek().offset;
  if (peek().kind != Token::Kind::Name) return Value{};
  Link first;
  first.offset = peek().offset;
  first.name = take().text;
  if (!python_ && at("=>")) {  // t => ...: a one-parameter arrow function
    Value fn;
    fn.kind = Value::Kind::Function;
    fn.offset = first.offset;
    fn.param = first.name;
    take();
    if (at("{")) {
      function_body(fn, depth + 1);
    } else {
      fn.body.push_back(value(depth + 1));
    }
    return fn;
  }
  v.links.push_back(std::move(first));
  while (!done() && v.links.size() < 64) {
    if (at(".") || at("?.")) {
      take();
      if (peek().kind != Token::Kind::Name) return Value{};
      Link link;
      link.offset = peek().offset;
      link.name = take().text;
      v.links.push_back(std::move(link));
    } else if (at("(")) {
      take();
      if (v.links.back().called) v.links.push_back(Link{"", false, {}, {}, peek().offset});  // f(a)(b)
      call_arguments(v.links.back(), depth + 1);
    } else if (at("[") || at("!")) {  // computed member or non-null assertion: not literal
      skip_to_delimiter();
      return Value{};
    } else {
      break;
    }
  }
  return v;
}

void Reader::call_arguments(Link& link, int depth) {
  link.called = true;
  while (!done() && !at(")")) {
    if (python_ && peek().kind == Token::Kind::Name) {
      size_t save_pos = pos_;
      Token save = cached_;
      Token name = take();
      if (at("=")) {
        take();
        link.keywords.push_back({name.text, value(depth)});
        if (at(",")) take();
        continue;
      }
      pos_ = save_pos;
      cached_ = save;
      has_cached_ = true;
    }
    if (at("*") || at("**") || at("...")) {  // *args, **kwargs, ...spread
      take();
      value(depth);
      link.args.push_back(Value{});
    } else {
      link.args.push_back(value(depth));
    }
    if (!next_item(")")) {
      link.args.back() = Value{};
      if (!at(",")) break;
      take();
    }
  }
  if (at(")")) take();
}

Value Reader::array(const char* close, int depth) {
  Value v;
  v.kind = Value::Kind::Array;
  v.offset = peek().offset;
  while (!done() && !at(close)) {
    if (at("...") || at("*")) {
      take();
      value(depth);
      v.items.push_back(Value{});
    } else {
      v.items.push_back(value(depth));
    }
    if (!next_item(close)) {
      v.items.back() = Value{};
      if (!at(",")) break;
      take();
    }
  }
  if (at(close)) take();
  return v;
}

Value Reader::object(int depth) {
  Value v;
  v.kind = Value::Kind::Object;
  v.offset = peek().offset;
  while (!done() && !at("}")) {
    std::string key;
    const Token& t = peek();
    if (t.kind == Token::Kind::Name || t.kind == Token::Kind::String || t.kind == Token::Kind::Number) {
      key = take().text;
    } else {
      skip_to_delimiter();  // ...spread or [computed]: the object is not literal
    }
    if (!key.empty() && at(":")) {
      take();
      v.fields.push_back({key, value(depth)});
    } else {
      if (!key.empty() && !at(",") && !at("}")) skip_to_delimiter();
      v.fields.push_back({"", Value{}});  // shorthand, method or spread: not a literal
    }
    if (!next_item("}")) {
      v.fields.back().name.clear();
      if (!at(",")) break;
      take();
    }
  }
  if (at("}")) take();
  return v;
}

// function (t) {...}, (t) => {...}, (t: Type) => expr, async (t) => ...
Value Reader::function(int depth) {
  Value fn;
  fn.kind = Value::Kind::Function;
  fn.offset = peek().offset;
  if (at_name("function")) {
    take();
    if (peek().kind == Token::Kind::Name) take();  // a named function expression
  }
  if (at("(")) {
    take();
    if (peek().kind == Token::Kind::Name) fn.param = peek().text;
    int nesting = 1;
    while (!done() && nesting > 0) {
      Token t = take();
      if (t.kind == Token::Kind::Punct && t.text == "(") ++nesting;
      if (t.kind == Token::Kind::Punct && t.text == ")") --nesting;
    }
  }
  while (!done() && !at("=>") && !at("{")) take();  // a TypeScript return type
  if (at("=>")) take();
  if (at("{")) {
    function_body(fn, depth);
  } else {
    fn.body.push_back(value(depth));
  }
  return fn;
}

void Reader::function_body(Value& fn, int depth) {
  take();  // {
  while (!done() && !at("}")) {
    if (at(";")) {
      take();
      continue;
    }
    if (peek().kind == Token::Kind::Name) {
      const std::string& word = peek().text;
      if (word == "const" || word == "let" || word == "var" || word == "if" || word == "for" || word == "while" ||
          word == "switch" || word == "try") {
        fn.opaque_body = true;
      }
    }
    size_t before = peek().offset;
    Value statement = value(depth);
    if (statement.is(Value::Kind::Unknown)) fn.opaque_body = true;
    fn.body.push_back(std::move(statement));
    if (!at(";") && !at("}") && peek().offset == before) take();  // always move on
    if (at(")") || at("]")) take();
  }
  if (at("}")) take();
}

}  // namespace

const Value* Value::field(const std::string& name) const {
  for (const auto& [key, value] : fields)
    if (key == name) return &value;
  return nullptr;
}

std::string Value::path() const {
  std::string out;
  for (const auto& link : links) out += (out.empty() ? "" : ".") + link.name;
  return out;
}

bool Value::literal() const {
  if (kind == Kind::Unknown || kind == Kind::Function) return false;
  for (const auto& item : items)
    if (!item.literal()) return false;
  for (const auto& [key, value] : fields)
    if (key.empty() || !value.literal()) return false;
  for (const auto& link : links) {
    for (const auto& arg : link.args)
      if (!arg.literal()) return false;
    for (const auto& [key, value] : link.keywords)
      if (!value.literal()) return false;
  }
  return true;
}

Value read_expression(const std::string& text, size_t offset, Language language, size_t& token_budget) {
  Reader reader(text, offset, language, token_budget);
  return reader.value(0);
}

}  // namespace pgguard::lint::builders
