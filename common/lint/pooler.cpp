#include "lint/pooler.h"

#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "util/files.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

// The block `pgguard init` writes into CLAUDE.md names pgguard's own rules, not the project's setup.
std::string without_pgguard_block(const std::string& text) {
  size_t begin = text.find("<!-- pgguard:begin"), end = text.find("<!-- pgguard:end -->");
  if (begin == std::string::npos || end == std::string::npos || end < begin) return text;
  return text.substr(0, begin) + text.substr(end);
}

}  // namespace

std::string transaction_pooler_evidence(const std::string& start) {
  if (std::string dir = find_upward(start, ".pgguard.json"); !dir.empty()) {
    auto text = read_file_bounded(resolve_path(dir, ".pgguard.json"), 1 << 20);
    auto doc = nlohmann::json::parse(text.value_or(""), nullptr, false);
    if (doc.is_object() && doc.contains("pooler") && doc["pooler"].is_string()) {
      std::string pooler = doc["pooler"].get<std::string>();
      if (pooler == "pgbouncer-transaction" || pooler == "transaction") return ".pgguard.json: \"pooler\": \"" + pooler + "\"";
      if (pooler == "session" || pooler == "none") return "";
    }
  }
  std::string claude_dir = find_upward(start, "CLAUDE.md");
  if (claude_dir.empty()) return "";
  auto text = read_file_bounded(resolve_path(claude_dir, "CLAUDE.md"), 1 << 20);
  if (!text) return "";
  static const RE2 pooler(R"((?i)pgbouncer|transaction[- ](?:mode )?pool|pool_mode\s*=\s*transaction|port\s*6432|:6432\b)");
  for (const auto& line : split_lines(without_pgguard_block(*text)))
    if (RE2::PartialMatch(line, pooler)) return "CLAUDE.md: " + shorten(line, 100);
  return "";
}

}  // namespace pgguard::lint
