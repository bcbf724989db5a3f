#include "util/secrets.h"

#include <re2/re2.h>

#include <memory>

#include "util/text.h"

namespace pgguard {
namespace {

// A secret pattern and a literal every match contains: most texts lack the literal, and a hook
// process would otherwise compile every pattern (case-insensitive ones are costly) on each call.
struct SecretPattern {
  const char* kind;
  const char* pattern;  // group 1 (or the first group that matched) is the secret
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

}  // namespace

std::vector<SecretFinding> find_secrets(std::string_view text) {
  std::vector<SecretFinding> found;
  for (const auto& pattern : kPatterns) {
    if (!pattern.may_match(text)) continue;
    const RE2& re = pattern.re();
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece groups[4];
    int ngroups = 1 + re.NumberOfCapturingGroups();
    size_t offset = 0;
    while (offset <= text.size() && re.Match(input, offset, input.size(), RE2::UNANCHORED, groups, std::min(ngroups, 4))) {
      size_t end = static_cast<size_t>(groups[0].data() - text.data()) + groups[0].size();
      std::string context(groups[0].data(), groups[0].size());
      found.push_back({pattern.kind, redact(context)});
      offset = std::max(end, offset + 1);
    }
  }
  return found;
}

std::string redact(std::string_view text) {
  std::string out(text);
  for (const auto& pattern : kPatterns) {
    if (!pattern.may_match(out)) continue;
    const RE2& re = pattern.re();
    std::string result;
    re2::StringPiece input(out);
    re2::StringPiece groups[4];
    int ngroups = std::min(4, 1 + re.NumberOfCapturingGroups());
    size_t offset = 0, copied = 0;
    while (offset <= out.size() && re.Match(input, offset, input.size(), RE2::UNANCHORED, groups, ngroups)) {
      for (int g = 1; g < ngroups; ++g) {
        if (groups[g].data() == nullptr) continue;
        size_t start = static_cast<size_t>(groups[g].data() - out.data());
        result.append(out, copied, start - copied);
        result += "***";
        copied = start + groups[g].size();
      }
      offset = std::max(static_cast<size_t>(groups[0].data() - out.data()) + groups[0].size(), offset + 1);
    }
    result.append(out, copied, std::string::npos);
    out = std::move(result);
  }
  return out;
}

}  // namespace pgguard
