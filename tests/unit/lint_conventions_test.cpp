// Conventions a project never stated are said once per run: the findings a run keeps of them are
// those it would keep if every finding were collected and the repeats dropped at the end.
#include <catch2/catch.hpp>

#include "lint/file_findings.h"
#include "lint/linter.h"
#include "support/temp_project.h"

using namespace pgguard::lint;
using pgguard::testing::TempProject;

namespace {

const std::string kRule = "timestamp-without-time-zone";

std::vector<std::string> described(const std::vector<LintResult>& results) {
  std::vector<std::string> out;
  for (size_t file = 0; file < results.size(); ++file)
    for (const auto& f : results[file].findings)
      out.push_back(std::to_string(file) + " " + f.rule + " " + severity_name(f.severity) + " line " + std::to_string(f.line) + " " + f.message);
  return out;
}

}  // namespace

TEST_CASE("lint conventions: an unstated convention keeps only the run's first finding, and ignores of it still count as used", "[lint]") {
  TempProject project;
  project.write("m/001_a.sql",
                "CREATE TABLE a (id uuid PRIMARY KEY, b text);\n"
                "CREATE TABLE c (id uuid PRIMARY KEY, d timestamp, e timestamp);\n");
  project.write("m/002_b.sql",
                "-- pgguard-ignore: " + kRule + " kept for the legacy importer\n"
                "ALTER TABLE a ADD COLUMN f timestamp;\n"
                "ALTER TABLE a ADD COLUMN g timestamp;\n");
  project.write("m/003_c.sql", "ALTER TABLE c ADD COLUMN h timestamp;\n-- pgguard-ignore: " + kRule + " nothing follows\n");
  project.write("m/004_d.sql", "ALTER TABLE c ADD COLUMN i timestamp;\n");  // no ignore names it: the rule need not run here
  std::vector<std::string> files = {project.path("m/001_a.sql"), project.path("m/002_b.sql"), project.path("m/003_c.sql"),
                                    project.path("m/004_d.sql")};
  LintOptions options;
  options.tool = Tool::Plain;

  // Stated, every finding is kept; unstated, the report must equal that with the repeats dropped.
  LintOptions stated = options;
  stated.stated_conventions.insert(kRule);
  std::vector<LintResult> all = lint_files(files, stated);
  bool first = true;
  for (auto& result : all) {
    std::vector<LintFinding> kept;
    for (auto& f : result.findings) {
      if (f.rule == kRule && !first) continue;
      if (f.rule == kRule) {
        first = false;
        f.severity = Severity::Info;
        f.message += " (The project states no such convention, so this is said once, not for every table: state it in CLAUDE.md, or turn " +
                     kRule + " on in .pgguard.json, to check every table; or turn it off.)";
      }
      kept.push_back(f);
    }
    result.findings = kept;
  }
  std::vector<std::string> expected = described(all);
  for (unsigned jobs : {1u, 3u}) {
    options.jobs = jobs;
    CHECK(described(lint_files(files, options)) == expected);
  }

  // What that comparison rests on: the stated run found the repeats, the ignore in 002 suppressed
  // one (and so is not unused), the one in 003 suppresses nothing.
  auto count = [](const std::vector<std::string>& lines, const std::string& text) {
    return std::count_if(lines.begin(), lines.end(), [&](const std::string& line) { return line.find(text) != std::string::npos; });
  };
  auto findings_of_rule = [](const std::vector<std::string>& lines) {  // "<file> <rule> ...": the second word
    return std::count_if(lines.begin(), lines.end(), [](const std::string& line) { return line.compare(1, kRule.size() + 2, " " + kRule + " ") == 0; });
  };
  std::vector<std::string> every = described(lint_files(files, stated));
  CHECK(findings_of_rule(every) == 5);  // d, e, g, h, i
  CHECK(findings_of_rule(expected) == 1);
  CHECK(count(expected, "0 " + kRule + " info line 2 ") == 1);
  CHECK(count(expected, "unused-ignore") == 1);
  CHECK(count(expected, "2 unused-ignore") == 1);
}

TEST_CASE("lint conventions: of one file's findings of an unstated convention, the first by line is held", "[lint]") {
  auto parsed = parse_migration(read_migration("/nonexistent/x.sql", "SELECT 1;\nSELECT 2;\nSELECT 3;\n", Tool::Plain));
  LintOptions options;
  std::set<std::string> said;
  FileFindings findings(*parsed, options, said);
  findings.add({kRule, Severity::Warning, "x.sql", 3, 1, "third line", "", ""}, 2);
  findings.add({"mutation-without-where", Severity::Warning, "x.sql", 2, 1, "kept", "", ""}, 1);
  findings.add({kRule, Severity::Warning, "x.sql", 1, 1, "first line", "", ""}, 0);
  findings.add({kRule, Severity::Warning, "x.sql", 1, 1, "first line, found later", "", ""}, 0);
  std::vector<LintFinding> kept = findings.take();
  REQUIRE(kept.size() == 2);
  CHECK(kept[0].message == "first line");
  CHECK(kept[1].message == "kept");

  said.insert(kRule);  // an earlier file said it: none is held, and the rule need not run
  FileFindings later(*parsed, options, said);
  CHECK_FALSE(later.wanted(kRule));
  CHECK(later.wanted("mutation-without-where"));
  later.add({kRule, Severity::Warning, "x.sql", 1, 1, "repeat", "", ""}, 0);
  CHECK(later.take().empty());
}
