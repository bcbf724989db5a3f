#include "shell/expand.h"

#include <cstdlib>
#include <cctype>

namespace pgguard::shell {
namespace {

// One character of a word's literal text with its quoting, or a whole non-literal part ($x,
// $(...)) that brace expansion carries along unchanged.
struct Unit {
  char c = 0;
  bool quoted = true;
  int part = -1;  // >= 0: the index of a non-literal part of the word
};
using Units = std::vector<Unit>;

bool is(const Unit& u, char c) { return u.part < 0 && !u.quoted && u.c == c; }

Units flatten(const Word& word) {
  Units units;
  for (size_t i = 0; i < word.parts.size(); ++i) {
    const WordPart& part = word.parts[i];
    if (part.kind != WordPart::Kind::Literal) {
      units.push_back({0, true, static_cast<int>(i)});
      continue;
    }
    for (char c : part.text) units.push_back({c, part.quoted, -1});
  }
  return units;
}

Word rebuild(const Units& units, const Word& original) {
  Word word;
  word.source = original.source;
  for (const Unit& u : units) {
    if (u.part >= 0) {
      word.parts.push_back(original.parts[static_cast<size_t>(u.part)]);
    } else if (!word.parts.empty() && word.parts.back().kind == WordPart::Kind::Literal && word.parts.back().quoted == u.quoted) {
      word.parts.back().text += u.c;
    } else {
      WordPart part;
      part.text = std::string(1, u.c);
      part.quoted = u.quoted;
      word.parts.push_back(std::move(part));
    }
  }
  return word;
}

Units unquoted(const std::string& text) {
  Units units;
  for (char c : text) units.push_back({c, false, -1});
  return units;
}

// The items of a sequence expression {1..5}, {05..1..2}, {a..e}; empty when the text is none.
// `too_many` is set instead when it would have more than `max` items.
std::vector<std::string> sequence(const Units& inside, size_t max, bool& too_many) {
  std::string text;
  for (const Unit& u : inside) {
    if (u.part >= 0 || u.quoted) return {};
    text += u.c;
  }
  size_t dots = text.find("..");
  if (dots == std::string::npos || dots == 0) return {};
  std::string first = text.substr(0, dots), rest = text.substr(dots + 2);
  size_t dots2 = rest.find("..");
  std::string last = rest.substr(0, dots2);
  long step = 1;
  // Bounds and step within 10^15 (bash's limit is the long's), so that the distance between them
  // and each step past the last item stay representable.
  auto integer = [](const std::string& s, long& out) {
    constexpr long kLimit = 1000000000000000L;
    char* end = nullptr;
    if (s.empty()) return false;
    out = std::strtol(s.c_str(), &end, 10);
    return *end == '\0' && out >= -kLimit && out <= kLimit;
  };
  if (dots2 != std::string::npos && (!integer(rest.substr(dots2 + 2), step) || step == 0)) return {};
  step = std::labs(step);
  long from, to;
  bool letters = first.size() == 1 && last.size() == 1 && std::isalpha(static_cast<unsigned char>(first[0])) &&
                 std::isalpha(static_cast<unsigned char>(last[0]));
  if (letters) {
    from = first[0];
    to = last[0];
  } else if (!integer(first, from) || !integer(last, to)) {
    return {};
  }
  size_t count = static_cast<size_t>(std::labs(to - from) / step) + 1;
  if (count > max) {
    too_many = true;
    return {};
  }
  auto padded = [](const std::string& s) { return s.size() > 1 && (s[0] == '0' || (s[0] == '-' && s[1] == '0')); };
  size_t width = padded(first) || padded(last) ? std::max(first.size(), last.size()) : 0;
  std::vector<std::string> items;
  for (long v = from, i = 0; static_cast<size_t>(i) < count; v += to >= from ? step : -step, ++i) {
    if (letters) {
      items.push_back(std::string(1, static_cast<char>(v)));
      continue;
    }
    std::string digits = std::to_string(std::labs(v));
    size_t sign = v < 0 ? 1 : 0;
    if (digits.size() + sign < width) digits.insert(0, width - digits.size() - sign, '0');
    items.push_back((v < 0 ? "-" : "") + digits);
  }
  return items;
}

struct Expansion {
  size_t max;
  std::vector<Units> words;
  bool too_many = false;
};

// The alternatives of the first brace expression, with its bounds; none found when the result is
// empty.
std::vector<Units> first_brace(const Units& u, size_t& open, size_t& close, Expansion& e) {
  for (open = 0; open < u.size(); ++open) {
    if (!is(u[open], '{')) continue;
    std::vector<size_t> commas;
    int depth = 0;
    for (close = open + 1; close < u.size(); ++close) {
      if (is(u[close], '{')) ++depth;
      if (is(u[close], '}') && depth-- == 0) break;
      if (is(u[close], ',') && depth == 0) commas.push_back(close);
    }
    if (close >= u.size()) continue;  // unclosed: a later brace may still form an expression
    std::vector<Units> alternatives;
    if (!commas.empty()) {
      size_t start = open + 1;
      commas.push_back(close);
      for (size_t comma : commas) {
        alternatives.emplace_back(u.begin() + static_cast<long>(start), u.begin() + static_cast<long>(comma));
        start = comma + 1;
      }
      return alternatives;
    }
    for (const auto& item : sequence(Units(u.begin() + static_cast<long>(open) + 1, u.begin() + static_cast<long>(close)), e.max, e.too_many))
      alternatives.push_back(unquoted(item));
    if (!alternatives.empty() || e.too_many) return alternatives;
  }
  return {};
}

void expand(const Units& u, Expansion& e) {
  if (e.too_many) return;
  size_t open = 0, close = 0;
  std::vector<Units> alternatives = first_brace(u, open, close, e);
  if (alternatives.empty()) {
    if (!e.too_many) e.words.push_back(u);
    e.too_many = e.too_many || e.words.size() > e.max;
    return;
  }
  for (const Units& alternative : alternatives) {
    Units word(u.begin(), u.begin() + static_cast<long>(open));
    word.insert(word.end(), alternative.begin(), alternative.end());
    word.insert(word.end(), u.begin() + static_cast<long>(close) + 1, u.end());
    expand(word, e);
  }
}

}  // namespace

std::vector<Word> expand_braces(const Word& word, size_t max_words) {
  bool has_brace = false;
  for (const auto& part : word.parts)
    has_brace = has_brace || (part.kind == WordPart::Kind::Literal && !part.quoted && part.text.find('{') != std::string::npos);
  if (!has_brace) return {word};
  Expansion e{max_words, {}};
  expand(flatten(word), e);
  if (e.too_many) {
    WordPart unknown;
    unknown.kind = WordPart::Kind::Unexpanded;
    unknown.text = word.source;
    return {Word{{unknown}, word.source}};
  }
  std::vector<Word> words;
  for (const Units& units : e.words) words.push_back(rebuild(units, word));
  return words;
}

std::vector<std::string> split_fields(std::string_view value, std::string_view ifs) {
  if (ifs.empty()) return value.empty() ? std::vector<std::string>{} : std::vector<std::string>{std::string(value)};
  auto delimiter = [&](char c) { return ifs.find(c) != std::string_view::npos; };
  auto white = [&](char c) { return delimiter(c) && (c == ' ' || c == '\t' || c == '\n'); };
  std::vector<std::string> fields;
  std::string field;
  bool open = false;  // a field has begun
  size_t i = 0;
  while (i < value.size() && white(value[i])) ++i;
  while (i < value.size()) {
    if (!delimiter(value[i])) {
      field += value[i++];
      open = true;
      continue;
    }
    // One delimiter: IFS white space around at most one other IFS character.
    while (i < value.size() && white(value[i])) ++i;
    if (i < value.size() && delimiter(value[i]) && !white(value[i]))
      for (++i; i < value.size() && white(value[i]);) ++i;
    fields.push_back(std::move(field));
    field.clear();
    open = false;
  }
  if (open) fields.push_back(std::move(field));
  return fields;
}

}  // namespace pgguard::shell
