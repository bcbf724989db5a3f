#include "sinks/secrets.h"

#include <re2/re2.h>

#include <memory>

namespace pgguard::sinks {
namespace {

struct SecretPattern {
  const char* kind;
  RE2 re;  // group 1 is the secret
};

const std::vector<std::unique_ptr<SecretPattern>>& patterns() {
  static const auto all = [] {
    std::vector<std::unique_ptr<SecretPattern>> list;
    for (auto* p : {
      new SecretPattern{"URL password", RE2(R"re((?i)(?:postgres(?:ql)?|jdbc:postgresql|pgsql|db:pg|pgx)://[^\s:/@'"`]*:([^\s@/'"`$][^\s@/'"`]*)@)re")},
      new SecretPattern{"PGPASSWORD", RE2(R"re(PGPASSWORD=(?:'([^'$][^']*)'|"([^"$`][^"`$]*)"|([^\s'"$`;|&)][^\s'"`;|&)]*)))re")},
      new SecretPattern{"password setting", RE2(R"re((?i)(?:^|[\s'"?&;,(])-{0,2}(?:db[-_]?)?password\s*=\s*(?:'([^'$][^']*)'|([^\s'"$`&;,)][^\s'"`&;,)]*)))re")},
         })
      list.emplace_back(p);
    return list;
  }();
  return all;
}

}  // namespace

std::vector<SecretFinding> find_secrets(std::string_view text) {
  std::vector<SecretFinding> found;
  for (const auto& pattern : patterns()) {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece groups[4];
    int ngroups = 1 + pattern->re.NumberOfCapturingGroups();
    size_t offset = 0;
    while (offset <= text.size() &&
           pattern->re.Match(input, offset, input.size(), RE2::UNANCHORED, groups, std::min(ngroups, 4))) {
      size_t end = static_cast<size_t>(groups[0].data() - text.data()) + groups[0].size();
      std::string context(groups[0].data(), groups[0].size());
      found.push_back({pattern->kind, redact(context)});
      offset = std::max(end, offset + 1);
    }
  }
  return found;
}

std::string redact(std::string_view text) {
  std::string out(text);
  for (const auto& pattern : patterns()) {
    std::string result;
    re2::StringPiece input(out);
    re2::StringPiece groups[4];
    int ngroups = std::min(4, 1 + pattern->re.NumberOfCapturingGroups());
    size_t offset = 0, copied = 0;
    while (offset <= out.size() && pattern->re.Match(input, offset, input.size(), RE2::UNANCHORED, groups, ngroups)) {
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

}  // namespace pgguard::sinks
