// Runs every case of tests/corpus/mcp/*.txt through the PreToolUse pipeline as Claude Code sends
// an MCP tool call, and compares the answer and the rule ids its reason names.
#include <catch2/catch.hpp>

#include <iostream>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "guard/pre_tool_use.h"
#include "support/corpus.h"
#include "support/tool_corpus.h"
#include "util/text.h"

using namespace pgguard;
using namespace pgguard::testing;
using nlohmann::json;

namespace {

// URL passwords in the input: none of them may reach the reason.
std::vector<std::string> passwords_in(const std::string& text) {
  static const std::regex kUserinfo(R"(://[^:/@\s"]+:([^@\s"]+)@)");
  std::vector<std::string> found;
  for (std::sregex_iterator it(text.begin(), text.end(), kUserinfo), end; it != end; ++it) found.push_back((*it)[1]);
  return found;
}

}  // namespace

TEST_CASE("MCP corpus: every case gets its expected answer and rules", "[corpus][mcp]") {
  FixtureCopy fixtures;
  size_t total = 0, failed = 0, silent_tools = 0;
  for (const auto& file : corpus_files(source_path("tests/corpus/mcp"))) {
    for (const auto& c : load_corpus_file(file)) {
      ++total;
      std::string cwd = fixtures.path_for(c.fixture);
      std::string call = call_of(c);
      Answered got = answer(payload_of(call, cwd), c.env, cwd);
      if (c.verdict == "none" && file.find("non_database") != std::string::npos) ++silent_tools;
      bool ok = got.verdict == c.verdict && got.rules == c.rules;
      std::string problem;
      if (got.verdict != "none" && got.verdict != "allow" && got.reason.find("Safe way forward") == std::string::npos) problem = "no safe way forward";
      for (const auto& password : passwords_in(call))
        if (got.reason.find(password) != std::string::npos) problem = "the reason shows a password";
      if (!ok || !problem.empty()) {
        ++failed;
        std::string got_rules, want_rules;
        for (const auto& r : got.rules) got_rules += " " + r;
        for (const auto& r : c.rules) want_rules += " " + r;
        INFO(c.file << ":" << c.line << "\n  call: " << call << "\n  expected: " << c.verdict << want_rules << "\n  got:      " << got.verdict
                    << got_rules << "\n  " << problem << "\n  reason: " << got.reason);
        CHECK(false);
      }
    }
  }
  std::cout << "MCP corpus: " << total << " cases (" << silent_tools << " non-database tools), " << failed << " failed\n";
  CHECK(total >= 250);
  CHECK(silent_tools >= 50);
}
