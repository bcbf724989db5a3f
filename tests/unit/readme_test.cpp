// Runs every `$ command` of README.md's console blocks, in order, in a fresh project directory, and
// checks that each output line the README shows is printed ("..." ends a line shown in part).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/corpus.h"
#include "util/files.h"
#include "util/subprocess.h"
#include "util/text.h"

using namespace pgguard;

TEST_CASE("README: every command shown runs and prints what the README says", "[readme]") {
  std::ifstream in(testing::source_path("README.md"));
  std::stringstream text;
  text << in.rdbuf();
  std::string dir = make_temp_directory("pgguard-readme");
  std::string bin = std::filesystem::path(PGGUARD_CLI).parent_path().string();
  std::map<std::string, std::string> env = {{"PATH", bin + ":/usr/bin:/bin"}, {"HOME", dir}, {"NO_COLOR", "1"}};
  struct Step {
    std::string command;
    std::vector<std::string> expected;
  };
  std::vector<Step> steps;
  bool console = false;
  for (const auto& line : split_lines(text.str())) {
    if (line == "```console") console = true;
    else if (line == "```") console = false;
    else if (console && starts_with(line, "$ ")) steps.push_back({line.substr(2), {}});
    else if (console && !steps.empty()) steps.back().expected.push_back(line);
  }
  REQUIRE(steps.size() >= 6);
  for (const auto& step : steps) {
    auto r = run_process("/bin/sh", {"-c", step.command}, "", env, dir);
    INFO("$ " << step.command << "\n" << r.out << r.err);
    CHECK((r.exit_code == 0 || r.exit_code == 1));
    std::vector<std::string> actual = split_lines(r.out);
    for (const auto& want : step.expected) {
      bool partial = ends_with(want, "...");
      std::string prefix = partial ? want.substr(0, want.size() - 3) : want;
      bool found = std::any_of(actual.begin(), actual.end(),
                               [&](const std::string& got) { return partial ? starts_with(got, prefix) : got == want; });
      INFO("expected line: " << want);
      CHECK(found);
    }
  }
  remove_tree(dir);
}
