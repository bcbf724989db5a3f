// The pgguard CLI as a user meets it: --help on every command, check-command's exit status, and one
// rule catalog behind `pgguard rules`, the docs and the README.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <set>
#include <sstream>

#include "guard/rule_catalog.h"
#include "lint/rule.h"
#include "setup/setup.h"
#include "support/corpus.h"
#include "util/subprocess.h"
#include "util/text.h"

namespace fs = std::filesystem;
using namespace pgguard;

namespace {

const std::map<std::string, std::string> kEnv = {{"PATH", "/usr/bin:/bin"}, {"HOME", "/nonexistent"}};

ProcessResult cli(const std::vector<std::string>& args) { return run_process(PGGUARD_CLI, args, "", kEnv); }

std::string source_text(const std::string& relative) {
  std::ifstream in(testing::source_path(relative));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("cli: every command listed by --help prints its usage on --help and -h", "[cli]") {
  auto help = cli({"--help"});
  REQUIRE(help.exit_code == 0);
  static const RE2 command_line(R"(^  ([a-z][a-z-]+) .*)");
  std::vector<std::string> commands;
  for (const auto& line : split_lines(help.out)) {
    std::string name;
    if (RE2::FullMatch(line, command_line, &name)) commands.push_back(name);
  }
  CHECK(commands.size() >= 11);
  for (const auto& name : commands) {
    for (const char* flag : {"--help", "-h"}) {
      auto r = cli({name, flag});
      INFO("pgguard " << name << " " << flag << "\n" << r.out << r.err);
      CHECK(r.exit_code == 0);
      CHECK(r.out.rfind("usage: pgguard " + name, 0) == 0);
    }
  }
}

TEST_CASE("cli: check-command's exit status carries the verdict", "[cli]") {
  CHECK(cli({"check-command", "ls -la"}).exit_code == 0);
  CHECK(cli({"check-command", "psql -d app_dev -c 'SELECT 1'"}).exit_code == 0);
  CHECK(cli({"check-command", "psql -d app_dev -c 'DROP TABLE users'"}).exit_code == 1);
  CHECK(cli({"check-command", "--json", "psql -d app_dev -c 'DROP TABLE users'"}).exit_code == 1);
  CHECK(cli({"check-command", "psql -d app_dev -c 'ALTER TABLE users ADD COLUMN note text'"}).exit_code == 3);
  CHECK(cli({"check-command"}).exit_code == 2);
  CHECK(cli({"check-command", "a", "b"}).exit_code == 2);
  CHECK(cli({"check-command", "--help"}).out.find("1 deny, 3 ask") != std::string::npos);
}

TEST_CASE("rules: every rule the guard or the linter can report is listed and documented", "[cli][rules]") {
  std::set<std::string> ids;
  for (const auto& rule : guard_rule_entries()) ids.insert(rule.id);
  std::set<std::string> configured;
  for (const auto& [id, setting] : builtin_policy().rules) configured.insert(id);
  CHECK(ids == configured);  // config/policy.json and the rules that report agree
  for (const auto& rule : lint::lint_rules()) ids.insert(std::string(rule->id()));
  for (const auto& info : lint::all_rule_info()) ids.insert(info.id);

  // Rule ids written into the guard's and the linter's own findings.
  // Every kebab-case literal in these files is a rule id or a tool name from config/cli_catalog.json.
  std::set<std::string> tools;
  const auto catalog = nlohmann::json::parse(source_text("config/cli_catalog.json"));
  for (const auto& tool : catalog["tools"]) tools.insert(tool.value("name", ""));
  static const RE2 kebab_literal(R"re("([a-z0-9]+(?:-[a-z0-9]+)+)")re");
  std::vector<std::string> sources = {"common/lint/linter.cpp", "common/server/session.cpp"};
  for (const char* dir : {"common/guard", "common/policy/rules"})
    for (const auto& entry : fs::directory_iterator(testing::source_path(dir)))
      if (entry.path().extension() == ".cpp" && entry.path().filename() != "explain.cpp")  // explain names SQL facts
        sources.push_back(std::string(dir) + "/" + entry.path().filename().string());
  for (const auto& file : sources) {
    std::string text = source_text(file), id;
    re2::StringPiece rest(text);
    while (RE2::FindAndConsume(&rest, kebab_literal, &id)) {
      INFO(file << " reports '" << id << "', which no rule table lists");
      CHECK((ids.count(id) || tools.count(id)));
    }
  }

  auto listed = cli({"rules"});
  REQUIRE(listed.exit_code == 0);
  for (const auto& id : ids) {
    INFO(id);
    CHECK(listed.out.find("  " + id + " ") != std::string::npos);
    CHECK(fs::exists(testing::source_path("docs/rules/" + id + ".md")));
    CHECK(cli({"rules", id}).exit_code == 0);
  }
}

TEST_CASE("rules: the README, `pgguard rules` and the CLAUDE.md block state the same counts", "[cli][rules][readme]") {
  RuleCounts counts = rule_counts();
  std::string lint_count = lint_rule_count_text(counts);
  auto listed = cli({"rules"});
  CHECK(listed.out.find("Lint rules (migrations): " + lint_count + "\n") != std::string::npos);
  CHECK(listed.out.find(": " + std::to_string(counts.guard) + " rules\n") != std::string::npos);
  CHECK(setup::instructions_block().find("(" + lint_count + ":") != std::string::npos);
  std::string readme = source_text("README.md");
  static const RE2 stated(R"((\d+) rules, (\d+) on by default)");
  re2::StringPiece rest(readme);
  std::string total, on;
  size_t statements = 0;
  while (RE2::FindAndConsume(&rest, stated, &total, &on)) {
    ++statements;
    CHECK(total + " rules, " + on + " on by default" == lint_count);
  }
  CHECK(statements >= 1);
  size_t guard_rows = 0;
  for (const auto& rule : guard_rule_entries()) {
    INFO(rule.id);
    bool row = readme.find("| [" + rule.id + "](docs/rules/" + rule.id + ".md) |") != std::string::npos;
    CHECK(row);
    guard_rows += row;
  }
  CHECK(guard_rows == counts.guard);
}
