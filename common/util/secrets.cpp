#include "util/secrets.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <utility>
#include <set>

#include "util/text.h"

namespace pgguard {
namespace {

// A secret pattern and a literal every match contains: most texts lack the literal, and a hook
// process would otherwise compile every pattern (case-insensitive ones are costly) on each call.
struct SecretPattern {
  const char* kind;
  std::string pattern;  // every group that matched is a secret
  const char* needle;   // found case-insensitively in every match
  mutable std::unique_ptr<RE2> compiled = nullptr;

  bool may_match(std::string_view text) const { return contains_ci(text, needle); }
  const RE2& re() const {
    if (!compiled) compiled = std::make_unique<RE2>(pattern);
    return *compiled;
  }
};

const SecretPattern kPatterns[] = {
    {"URL password", R"re((?i)(?:postgres(?:ql)?|jdbc:postgresql|pgsql|db:pg|pgx)://[^\s:/@'"`]*:([^\s@/'"`$][^\s@/'"`]*)@)re", "://"},
    {"PGPASSWORD", R"re(PGPASSWORD=(?:'([^'$][^']*)'|"([^"$`][^"`$]*)"|([^\s'"$`;|&)][^\s'"`;|&)]*)))re", "PGPASSWORD="},
    {"password setting", R"re((?i)(?:^|[\s'"?&;,(])-{0,2}(?:db[-_]?)?password\s*=\s*(?:'([^'$][^']*)'|([^\s'"$`&;,)][^\s'"`&;,)]*)))re", "password"},
};

// A SQL literal after a keyword, optionally after "=": E'...', '\''...'\'' (a quote inside a
// shell-quoted word), ''...'' (inside another literal), '...', an unterminated '... (up to white
// space), $tag$...$tag$.
const std::string kSqlLiteral =
    R"re(\s*=?\s*(?:[Ee]'((?:[^'\\]|\\.|'')*)'|'\\''([^']*)'\\''|''([^']+)''|'([^']*)'|'([^'\s`"]*)|\$(?:[A-Za-z_]\w*)?\$([^$]*)\$))re";

// A literal after a word holding `part` (PASSWORD, password_hash, db_pwd, client_secret).
std::string literal_after_word(const char* part) { return std::string("(?i)\\b[a-z_]*") + part + "[a-z_0-9]*" + kSqlLiteral; }

// Passwords written into SQL: ALTER/CREATE ROLE ... PASSWORD '...', OPTIONS (password '...'), a
// column or setting named like a password, crypt('...'), a psql variable named like one. They are
// no hardcoded connection secret (no finding), but never shown.
const SecretPattern kShownRedacted[] = {
    {"SQL password", literal_after_word("pass"), "pass"},
    {"SQL password", literal_after_word("pasw"), "pasw"},  // a misspelt PASSWORD still quotes one
    {"SQL password", literal_after_word("pwd"), "pwd"},
    {"SQL secret", literal_after_word("secret"), "secret"},
    {"crypt argument", "(?i)\\bcrypt\\(" + kSqlLiteral, "crypt("},
    {"psql variable", "(?i)\\\\set\\s+[a-z_0-9]*(?:pw|pass|secret|token|key)[a-z_0-9]*\\s" + kSqlLiteral, "\\set"},
};

// Identifiers the guard puts in place of text it cannot know (a shell variable's value, a
// template's blank) so the rest still parses; shown text names them as unknown instead.
const char* const kPlaceholders[] = {"pgguard_unknown", "pgguard_opaque"};
constexpr char kShownForPlaceholder[] = "<unknown>";

// A secret this long is hidden wherever it appears; a shorter one only where a pattern found it
// (hiding every "x" of a text would hide the text).
constexpr size_t kHiddenEverywhere = 4;

constexpr int kMaxGroups = 8;

// Calls visit(whole match, groups that matched) for each match of the pattern in text.
template <class Visit>
void for_each_match(std::string_view text, const SecretPattern& pattern, Visit&& visit) {
  if (!pattern.may_match(text)) return;
  const RE2& re = pattern.re();
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[kMaxGroups];
  int ngroups = std::min(kMaxGroups, 1 + re.NumberOfCapturingGroups());
  size_t offset = 0;
  while (offset <= text.size() && re.Match(input, offset, input.size(), RE2::UNANCHORED, groups, ngroups)) {
    std::vector<re2::StringPiece> secrets;
    for (int g = 1; g < ngroups; ++g)
      if (groups[g].data() != nullptr) secrets.push_back(groups[g]);
    visit(groups[0], secrets);
    offset = std::max(static_cast<size_t>(groups[0].data() - text.data()) + groups[0].size(), offset + 1);
  }
}

// The text with the secrets each pattern finds replaced by *** where found; collects them.
std::string redact_in_place(const std::string& text, const SecretPattern& pattern, std::set<std::string>& found) {
  std::string out;
  size_t copied = 0;
  for_each_match(text, pattern, [&](re2::StringPiece, const std::vector<re2::StringPiece>& secrets) {
    for (const auto& secret : secrets) {
      size_t start = static_cast<size_t>(secret.data() - text.data());
      out.append(text, copied, start - copied);
      out += "***";
      copied = start + secret.size();
      found.insert(std::string(secret.data(), secret.size()));
    }
  });
  out.append(text, copied, std::string::npos);
  return out;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
}

bool word_character(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Replaces `word` where it is not part of a longer word (a password "postgres" leaves
// "postgresql://" alone).
void replace_word(std::string& text, const std::string& word) {
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    size_t end = at + word.size();
    bool alone = (at == 0 || !word_character(text[at - 1]) || !word_character(word.front())) &&
                 (end == text.size() || !word_character(text[end]) || !word_character(word.back()));
    if (alone) text.replace(at, word.size(), "***");
  }
}

// Hides a long secret wherever it still shows: whole, or the pieces of it that quoting split
// apart (E'a\'b' shell-quoted shows as a\'\''b).
void hide_everywhere(std::string& text, const std::string& secret) {
  std::vector<std::string> pieces;
  if (text.find(secret) != std::string::npos) {
    pieces.push_back(secret);
  } else {
    std::string piece;
    for (char c : secret + "'") {
      if (c != '\'' && c != '\\') piece += c;
      else if (!piece.empty()) pieces.push_back(std::exchange(piece, ""));
    }
  }
  for (const auto& piece : pieces)
    if (piece.size() >= kHiddenEverywhere) replace_word(text, piece);
}

}  // namespace

std::vector<SecretFinding> find_secrets(std::string_view text) {
  std::vector<SecretFinding> found;
  for (const auto& pattern : kPatterns)
    for_each_match(text, pattern, [&](re2::StringPiece match, const std::vector<re2::StringPiece>&) {
      found.push_back({pattern.kind, redact(std::string_view(match.data(), match.size()))});
    });
  return found;
}

std::string redact(std::string_view text, std::string_view context) {
  // SQL passwords first: a shell-quoted '\'' would otherwise read as a password setting of "\".
  std::string out(text);
  std::set<std::string> secrets, where_found;  // connection passwords are hidden where found only
  for (const auto& pattern : kShownRedacted) out = redact_in_place(out, pattern, secrets);
  for (const auto& pattern : kPatterns) out = redact_in_place(out, pattern, where_found);
  // A single-quoted shell word writes each quote inside as '\''; read unquoted, it shows the
  // passwords its quoting hides from the patterns. The context shows those of the statement.
  auto collect = [&](std::string source) {
    replace_all(source, "'\\''", "'");
    for (const auto& pattern : kShownRedacted) redact_in_place(source, pattern, secrets);
    for (const auto& pattern : kPatterns) redact_in_place(source, pattern, secrets);
  };
  if (text.find("'\\''") != std::string_view::npos) collect(std::string(text));
  if (!context.empty()) collect(std::string(context));
  // The same secret quoted elsewhere (an error message repeating a token) is hidden too.
  for (const auto& secret : secrets)
    if (secret != "***") hide_everywhere(out, secret);
  for (const char* placeholder : kPlaceholders) replace_all(out, placeholder, kShownForPlaceholder);
  return out;
}

}  // namespace pgguard
