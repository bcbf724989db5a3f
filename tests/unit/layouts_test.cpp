// Every project under tests/fixtures/layouts is shaped like a real one of its migration tool; its
// expected.json says which files that tool applies, in which order, in which direction and in which
// transaction mode. Each fixture is copied to a temporary directory and checked through the CLI and
// the PostToolUse hook; every mismatch of a fixture is reported, not only the first.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "support/corpus.h"
#include "support/temp_project.h"
#include "util/subprocess.h"
#include "util/text.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace pgguard;
using pgguard::testing::source_path;
using pgguard::testing::TempProject;

namespace {

// Nothing of the test's environment reaches pgguard but the sanitizers' settings (their leak
// suppressions among them).
const std::map<std::string, std::string> kEnv = [] {
  std::map<std::string, std::string> env = {{"PATH", "/usr/bin:/bin"}, {"HOME", "/nonexistent"}};
  for (const char* name : {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"})
    if (const char* value = std::getenv(name)) env[name] = value;
  return env;
}();

// Rules that can never be right about a new plain CREATE INDEX, whatever the tool.
const char* const kNeverOnPlainIndex[] = {"transaction-nesting", "uncommitted-transaction", "concurrently-in-transaction"};

std::vector<std::string> layout_fixtures() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(source_path("tests/fixtures/layouts")))
    if (entry.is_directory() && fs::exists(entry.path() / "expected.json")) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

json load_expected(const std::string& fixture) {
  std::string path = source_path("tests/fixtures/layouts/" + fixture + "/expected.json");
  return json::parse(read_file_bounded(path, 1 << 20).value_or("{}"));
}

// A private copy of one fixture: the tools must not see the pgguard repository around it.
struct LayoutCopy {
  TempProject project;
  explicit LayoutCopy(const std::string& fixture) {
    fs::copy(source_path("tests/fixtures/layouts/" + fixture), project.root, fs::copy_options::recursive);
    fs::remove(project.path("expected.json"));
  }
  ProcessResult cli(const std::vector<std::string>& args) const { return run_process(PGGUARD_CLI, args, "", kEnv, project.root); }
};

std::string strip_dot_slash(std::string path) { return starts_with(path, "./") ? path.substr(2) : path; }

// The "N migration file(s) linted" count of a lint run, or -1 when the line is missing.
int linted_count(const std::string& stderr_text) {
  static const RE2 count(R"((\d+) migration file\(s\) linted)");
  int n = -1;
  return RE2::PartialMatch(stderr_text, count, &n) ? n : -1;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// a. `pgguard migrations --format json` lists exactly the expected migrations, in order.
void check_listing(const LayoutCopy& copy, const json& expected, std::vector<std::string>& problems) {
  auto r = copy.cli({"migrations", "--format", "json"});
  json out = json::parse(r.out, nullptr, false);
  if (r.exit_code != 0 || out.is_discarded() || !out.contains("migrations") || !out["migrations"].is_array()) {
    problems.push_back("migrations: exit " + std::to_string(r.exit_code) + ", no JSON listing: " + first_line(r.err + r.out));
    return;
  }
  std::map<std::string, size_t> actual_index;
  const json& actual = out["migrations"];
  for (size_t i = 0; i < actual.size(); ++i) actual_index[strip_dot_slash(actual[i].value("path", ""))] = i;

  std::vector<size_t> found_order;
  for (const auto& want : expected["migrations"]) {
    std::string path = want["path"];
    auto it = actual_index.find(path);
    if (it == actual_index.end()) {
      problems.push_back("migrations: missing " + path);
      continue;
    }
    found_order.push_back(it->second);
    const json& got = actual[it->second];
    for (const char* field : {"direction", "transaction"})
      if (got.value(field, "") != want[field].get<std::string>())
        problems.push_back("migrations: " + path + " " + field + " is '" + got.value(field, "") + "', expected '" +
                           want[field].get<std::string>() + "'");
    if (got.value("tool", "") != expected["tool"].get<std::string>())
      problems.push_back("migrations: " + path + " tool is '" + got.value("tool", "") + "', expected '" +
                         expected["tool"].get<std::string>() + "'");
    // The copy is not a git work tree: whether a migration was shared cannot be known.
    if (got.value("state", "") != "unknown")
      problems.push_back("migrations: " + path + " state is '" + got.value("state", "") + "', expected 'unknown' outside git");
  }
  if (!std::is_sorted(found_order.begin(), found_order.end())) problems.push_back("migrations: not in the tool's apply order");

  std::set<std::string> wanted;
  for (const auto& want : expected["migrations"]) wanted.insert(want["path"].get<std::string>());
  for (const auto& [path, index] : actual_index)
    if (!wanted.count(path)) problems.push_back("migrations: unexpected " + path);
}

// b. lint with no path, with the migrations directory and with a glob counts the expected files.
void check_lint_counts(const LayoutCopy& copy, const json& expected, std::vector<std::string>& problems) {
  std::string dir = expected["dir"], glob = expected["glob"];
  int all = 0, under_dir = 0, matching_glob = 0;
  for (const auto& want : expected["migrations"]) {
    std::string path = want["path"];
    ++all;
    if (starts_with(path, dir + "/")) ++under_dir;
    if (fnmatch(glob.c_str(), path.c_str(), FNM_PATHNAME) == 0) ++matching_glob;
  }
  std::vector<std::pair<std::vector<std::string>, int>> runs = {{{"lint"}, all}, {{"lint", dir}, under_dir}, {{"lint", glob}, matching_glob}};
  for (const auto& [args, want] : runs) {
    auto r = copy.cli(args);
    std::string shown = join(args, " ");
    if (r.exit_code != 0 && r.exit_code != 1) problems.push_back("'pgguard " + shown + "' exit " + std::to_string(r.exit_code) + ": " + first_line(r.err));
    int got = linted_count(r.err);
    if (got != want)
      problems.push_back("'pgguard " + shown + "' linted " + std::to_string(got) + " file(s), expected " + std::to_string(want));
  }
}

// d. An explicit path or glob that yields no migration is a usage error naming the path.
void check_empty_paths(const LayoutCopy& copy, std::vector<std::string>& problems) {
  copy.project.write("docs/README.md", "# Shop\n");
  for (std::string path : {"no-such-dir", "no-such-dir/*.sql", "docs"}) {
    auto r = copy.cli({"lint", path});
    if (r.exit_code != 2) problems.push_back("'pgguard lint " + path + "' exit " + std::to_string(r.exit_code) + ", expected 2");
    if (r.err.find(path) == std::string::npos) problems.push_back("'pgguard lint " + path + "' does not name the path: " + first_line(r.err));
  }
}

// c. The next migration, written in the tool's format, is linted by the PostToolUse hook, and no
// finding contradicts the tool's transaction mode.
void check_hook_on_next(const LayoutCopy& copy, const json& expected, std::vector<std::string>& problems) {
  const json& next = expected["next"];
  std::string relative = next["path"], mode = next["transaction"];
  copy.project.write(relative, next["content"].get<std::string>());
  std::string absolute = copy.project.path(relative);
  json payload = {{"cwd", copy.project.root}, {"hook_event_name", "PostToolUse"}, {"tool_name", "Write"},
                  {"tool_input", {{"file_path", absolute}, {"content", next["content"]}}},
                  {"tool_response", {{"type", "create"}, {"filePath", absolute}}}};
  auto r = run_process(PGGUARD_POST_HOOK, {}, payload.dump(), kEnv, copy.project.root);
  if (r.exit_code != 0) problems.push_back("hook: exit " + std::to_string(r.exit_code));
  std::string answer = r.out;
  if (answer.find("create-index-non-concurrent") == std::string::npos) {
    problems.push_back("hook: " + relative + " not linted (no create-index-non-concurrent): " + first_line(answer));
    return;
  }
  for (const char* rule : kNeverOnPlainIndex)
    if (answer.find(rule) != std::string::npos) problems.push_back(std::string("hook: reports ") + rule + " on a plain CREATE INDEX");
  if (mode != "autocommit" && answer.find("non-idempotent-ddl") != std::string::npos)
    problems.push_back("hook: non-idempotent-ddl on a migration the tool runs in a transaction");
  std::string opt_out = expected.value("opt_out", "");
  if (!opt_out.empty() && mode != "autocommit" && to_lower(answer).find(to_lower(opt_out)) == std::string::npos)
    problems.push_back("hook: the fix does not say how to leave the transaction in this tool (" + opt_out + ")");
}

std::string lines(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += "  " + item + "\n";
  return text;
}

}  // namespace

TEST_CASE("Layouts: every fixture has a tool, migrations and a next migration", "[layouts]") {
  auto fixtures = layout_fixtures();
  REQUIRE(fixtures.size() >= 20);
  for (const auto& fixture : fixtures) {
    INFO(fixture);
    json expected = load_expected(fixture);
    CHECK(expected.contains("tool"));
    CHECK(!expected["migrations"].empty());
    CHECK(expected["next"].contains("content"));
    for (const auto& want : expected["migrations"])
      CHECK(fs::exists(source_path("tests/fixtures/layouts/" + fixture + "/" + want["path"].get<std::string>())));
  }
}

TEST_CASE("Layouts: migrations, lint counts, the hook and empty paths match each tool", "[layouts]") {
  for (const auto& fixture : layout_fixtures()) {
    json expected = load_expected(fixture);
    LayoutCopy copy(fixture);
    std::vector<std::string> problems;
    check_listing(copy, expected, problems);
    check_lint_counts(copy, expected, problems);
    check_empty_paths(copy, problems);
    check_hook_on_next(copy, expected, problems);
    INFO(fixture << " (" << expected["tool"].get<std::string>() << "):\n" << lines(problems));
    CHECK(problems.empty());
  }
}
