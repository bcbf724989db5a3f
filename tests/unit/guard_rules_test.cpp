// Every guard rule the policy lists has its own case file, tests/corpus/rules/<id>.txt, with at
// least one bad case (the rule fires) and one safe case (it does not), next to its doc page and its
// line in `pgguard rules`. Cases run through the whole PreToolUse pipeline: Bash commands, MCP and
// file tool calls, raw payloads.
#include <catch2/catch.hpp>

#include <filesystem>

#include "policy/config.h"
#include "support/corpus.h"
#include "support/temp_project.h"
#include "support/tool_corpus.h"
#include "util/subprocess.h"

namespace fs = std::filesystem;
using namespace pgguard;
using namespace pgguard::testing;

namespace {

// A fixture copied into its own git repository and committed, for rules that ask git.
void commit_fixture(const TempProject& project, const std::string& fixture_dir) {
  fs::copy(fixture_dir, project.root, fs::copy_options::recursive);
  std::map<std::string, std::string> env = {{"PATH", "/usr/bin:/bin"}, {"HOME", project.root}, {"GIT_AUTHOR_NAME", "t"},
                                            {"GIT_AUTHOR_EMAIL", "t@example.com"}, {"GIT_COMMITTER_NAME", "t"}, {"GIT_COMMITTER_EMAIL", "t@example.com"}};
  for (const auto& args : {std::vector<std::string>{"init", "-q"}, {"add", "-A"}, {"commit", "-qm", "init"}})
    REQUIRE(run_process("git", args, "", env, project.root).exit_code == 0);
}

}  // namespace

TEST_CASE("guard rules: each rule has bad and safe cases of its own, and every case holds", "[rules][corpus]") {
  FixtureCopy fixtures;
  std::set<std::string> ids;
  for (const auto& [id, setting] : builtin_policy().rules) ids.insert(id);
  for (const auto& entry : fs::directory_iterator(source_path("tests/corpus/rules"))) {
    INFO(entry.path().filename() << " is not named after a rule of config/policy.json");
    CHECK(ids.count(entry.path().stem().string()));
  }
  for (const auto& id : ids) {
    INFO("rule " << id);
    std::string file = source_path("tests/corpus/rules/" + id + ".txt");
    REQUIRE(fs::exists(file));
    CHECK(fs::exists(source_path("docs/rules/" + id + ".md")));
    size_t bad = 0, safe = 0;
    for (const auto& c : load_corpus_file(file)) {
      (c.rules.count(id) ? bad : safe) += 1;
      TempProject repository;
      std::string cwd = fixtures.path_for(c.fixture);
      if (c.committed) {
        commit_fixture(repository, cwd);
        cwd = repository.root;
      }
      std::string call = call_of(c);
      Answered got = answer(payload_of(call, cwd), c.env, cwd);
      std::string got_rules, want_rules;
      for (const auto& r : got.rules) got_rules += " " + r;
      for (const auto& r : c.rules) want_rules += " " + r;
      INFO(c.file << ":" << c.line << "\n  call: " << call << "  expected: " << c.verdict << want_rules << "\n  got:      " << got.verdict
                  << got_rules << "\n  reason: " << got.reason);
      CHECK(got.verdict == c.verdict);
      CHECK(got.rules == c.rules);
    }
    CHECK(bad >= 1);
    CHECK(safe >= 1);
  }
}
