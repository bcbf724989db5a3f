// Runs every case of tests/corpus/lint (format in tests/corpus/lint/README.md).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <re2/re2.h>
#include <sstream>

#include "lint/linter.h"
#include "support/corpus.h"
#include "util/text.h"

namespace fs = std::filesystem;
using namespace pgguard;
using namespace pgguard::lint;

namespace {

struct LintCase {
  std::set<std::string> rules;
  std::multiset<std::pair<std::string, int>> expected;  // (rule, line); line 0 = anywhere
  LintOptions options;
};

std::vector<std::string> split_ids(const std::string& text) {
  std::vector<std::string> ids;
  std::stringstream ss(text);
  std::string id;
  while (std::getline(ss, id, ',')) {
    id = trim(id);
    if (!id.empty()) ids.push_back(id);
  }
  return ids;
}

std::optional<LintCase> read_case(const std::string& path, const std::string& text) {
  static const RE2 directive(R"(^\s*(?:--|//|#)\s*(lint-rules|expect|expect-file|lint-options):\s*(.*)$)");
  static const RE2 comment_line(R"(^\s*(?:--|//|#|/\*|\*))");
  std::vector<std::string> lines = split_lines(text);
  LintCase c;
  bool has_header = false;
  std::vector<std::string> pending;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string key, value;
    if (RE2::FullMatch(lines[i], directive, &key, &value)) {
      if (key == "lint-rules") {
        has_header = true;
        for (const auto& id : split_ids(value)) c.rules.insert(id);
      } else if (key == "expect") {
        for (const auto& id : split_ids(value)) pending.push_back(id);
      } else if (key == "expect-file") {
        for (const auto& id : split_ids(value)) c.expected.insert({id, 0});
      } else {
        std::stringstream ss(value);
        std::string option;
        while (ss >> option) {
          std::string k = option.substr(0, option.find('=')), v = option.substr(option.find('=') + 1);
          std::string dir = fs::path(path).parent_path().string();
          if (k == "pg-version") c.options.settings.pg_version = std::stoi(v);
          if (k == "tool") c.options.tool = parse_tool(v);
          if (k == "pooler") c.options.settings.transaction_pooler = "lint-options: pooler=" + v;
          if (k == "schema") c.options.schema_files.push_back(dir + "/" + v);
          if (k == "stats") {
            std::ifstream in(dir + "/" + v);
            std::stringstream data;
            data << in.rdbuf();
            c.options.stats = parse_stats(data.str());
          }
        }
      }
      continue;
    }
    if (!pending.empty() && !trim(lines[i]).empty() && !RE2::PartialMatch(lines[i], comment_line)) {
      for (const auto& id : pending) c.expected.insert({id, static_cast<int>(i + 1)});
      pending.clear();
    }
  }
  if (!has_header) return std::nullopt;
  for (const auto& id : c.rules) c.options.enable.insert(id);
  return c;
}

}  // namespace

TEST_CASE("lint corpus: every case reports exactly its expected findings", "[lint][corpus]") {
  size_t cases = 0, failed = 0;
  std::set<std::string> rules_covered;
  for (const auto& entry : fs::recursive_directory_iterator(testing::source_path("tests/corpus/lint"))) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    std::string path = entry.path().string();
    std::ifstream in(path);
    std::stringstream data;
    data << in.rdbuf();
    auto c = read_case(path, data.str());
    if (!c) continue;
    ++cases;
    LintResult result = lint_text(path, data.str(), c->options);
    std::multiset<std::pair<std::string, int>> got;
    std::string details;
    for (const auto& f : result.findings) {
      if (!c->rules.count(f.rule)) continue;
      bool file_level = c->expected.count({f.rule, 0}) > 0 && !c->expected.count({f.rule, f.line});
      got.insert({f.rule, file_level ? 0 : f.line});
      details += "\n    " + std::to_string(f.line) + ": " + f.rule + ": " + f.message;
    }
    for (const auto& [rule, line] : c->expected) rules_covered.insert(rule);
    if (got != c->expected) {
      ++failed;
      std::string want;
      for (const auto& [rule, line] : c->expected) want += "\n    " + std::to_string(line) + ": " + rule;
      INFO(path << "\n  expected:" << want << "\n  got:" << details);
      CHECK(got == c->expected);
    }
  }
  std::cout << "lint corpus: " << cases << " cases, " << failed << " failed, " << rules_covered.size() << " rules with a bad case\n";
  CHECK(cases > 0);
}

TEST_CASE("lint rules: every rule in config/lint_rules.json has an implementation and the reverse", "[lint]") {
  std::set<std::string> implemented, described;
  for (const auto& rule : lint_rules()) implemented.insert(std::string(rule->id()));
  for (const auto& info : all_rule_info()) described.insert(info.id);
  for (const auto& id : implemented) {
    INFO(id);
    CHECK(described.count(id));
  }
  for (const auto& info : all_rule_info()) {
    INFO("rule without an implementation or a doc page: " << info.id);
    if (info.category != "meta") CHECK(implemented.count(info.id));  // meta findings come from the linter itself
    CHECK(fs::exists(testing::source_path("docs/rules/" + info.id + ".md")));
  }
}
