// Runs every case of tests/corpus/guard/*.txt through the guard and compares the decision and
// the set of rule ids.
#include <catch2/catch.hpp>

#include <iostream>
#include <set>

#include "guard/guard.h"
#include "support/corpus.h"

using namespace pgguard;
using namespace pgguard::testing;

TEST_CASE("guard corpus: every case gets its expected decision and rules", "[corpus]") {
  FixtureCopy fixtures;
  size_t total = 0, failed = 0, benign = 0;
  for (const auto& file : corpus_files(source_path("tests/corpus/guard"))) {
    for (const auto& c : load_corpus_file(file)) {
      ++total;
      if (c.verdict == "none") ++benign;
      GuardRequest request;
      request.command = c.command;
      request.cwd = fixtures.path_for(c.fixture);
      request.env = c.env;
      Policy policy = load_policy(request.cwd, "");
      Decision decision = check_command(request, policy);
      std::set<std::string> rules;
      for (const auto& f : decision.findings) rules.insert(f.rule);
      std::string got = std::string(verdict_name(decision.verdict));
      bool ok = got == c.verdict && rules == c.rules;
      if (!ok) {
        ++failed;
        std::string got_rules, want_rules;
        for (const auto& r : rules) got_rules += " " + r;
        for (const auto& r : c.rules) want_rules += " " + r;
        INFO(c.file << ":" << c.line << "\n  command: " << c.command << "\n  expected: " << c.verdict << want_rules
                    << "\n  got:      " << got << got_rules << "\n  reason: " << decision.reason);
        CHECK(ok);
      }
    }
  }
  std::cout << "guard corpus: " << total << " cases (" << benign << " benign), " << failed << " failed\n";
  CHECK(total >= 500);
  CHECK(benign >= 100);
}
