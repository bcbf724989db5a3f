// The history cache: a lint with it says exactly what a lint without it says, whatever the cache
// holds, and an entry it wrote is what the next run starts from.
#include <catch2/catch.hpp>

#include <dirent.h>

#include "lint/history_cache.h"
#include "lint/linter.h"
#include "support/temp_project.h"

using namespace pgguard::lint;
using pgguard::testing::TempProject;

namespace {

std::vector<std::string> entries(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* handle = opendir(dir.c_str())) {
    while (dirent* e = readdir(handle))
      if (std::string(e->d_name).find(".schema") != std::string::npos) names.push_back(dir + "/" + e->d_name);
    closedir(handle);
  }
  return names;
}

std::vector<std::string> said(const LintResult& result) {
  std::vector<std::string> out;
  for (const auto& f : result.findings) out.push_back(f.rule + " " + std::to_string(f.line) + " " + f.message + " | " + f.fix);
  out.push_back("history " + std::to_string(result.history_files));
  return out;
}

// `tables` migrations creating t0, t1, ... and 010_alter.sql with `alter`; returns the latter's path.
std::string write_history(TempProject& project, int tables, const std::string& alter) {
  for (int i = 0; i < tables; ++i)
    project.write("db/migrations/00" + std::to_string(i) + "_t.sql", "CREATE TABLE t" + std::to_string(i) + " (id bigint PRIMARY KEY, v varchar(10));\n");
  project.write("db/migrations/010_alter.sql", alter);
  return project.path("db/migrations/010_alter.sql");
}

}  // namespace

TEST_CASE("lint history cache: a lint with the cache finds what a lint without it finds", "[lint]") {
  TempProject project;
  const std::string target = write_history(project, 6, "ALTER TABLE t1 ALTER COLUMN v TYPE int;\nALTER TABLE t4 ALTER COLUMN v TYPE int;\n");
  LintOptions plain;
  LintOptions cached;
  cached.history_cache = project.path("cache/pgguard/history");
  auto expected = [&] { return said(lint_path(target, plain)); };
  REQUIRE(expected() == said(lint_path(target, cached)));  // a miss: replayed, then stored
  REQUIRE(entries(cached.history_cache).size() == 1);
  CHECK(expected() == said(lint_path(target, cached)));  // a hit

  SECTION("an entry the run reads is the schema it lints against") {
    // Swap in the schema of an empty history under the same key: the types become unknown.
    std::string entry = entries(cached.history_cache)[0];
    std::string text = project.read(entry.substr(project.root.size() + 1));
    std::string header = text.substr(0, text.find('\n') + 1);
    project.write(entry.substr(project.root.size() + 1), header + Schema().serialize());
    CHECK(said(lint_path(target, cached)) != expected());
  }
  SECTION("an earlier file changed: its new content is replayed") {
    project.write("db/migrations/004_t.sql", "CREATE TABLE t4 (id bigint PRIMARY KEY, v varchar(99));\n");
    auto now = expected();
    CHECK(std::find_if(now.begin(), now.end(), [](const std::string& s) { return s.find("varchar(99)") != std::string::npos; }) != now.end());
    CHECK(said(lint_path(target, cached)) == now);
  }
  SECTION("a new migration after the cached ones: the cached part is used and the rest replayed") {
    project.write("db/migrations/009_more.sql", "ALTER TABLE t1 ALTER COLUMN v TYPE varchar(20);\n");
    CHECK(said(lint_path(target, cached)) == expected());
    CHECK(entries(cached.history_cache).size() == 2);
  }
  SECTION("an unreadable or damaged entry is a miss") {
    for (const auto& entry : entries(cached.history_cache)) project.write(entry.substr(project.root.size() + 1), "pgguard-history-schema 1 {");
    CHECK(said(lint_path(target, cached)) == expected());
    for (const auto& entry : entries(cached.history_cache)) {  // the right header, then bytes cut short
      std::string text = project.read(entry.substr(project.root.size() + 1));
      project.write(entry.substr(project.root.size() + 1), text.substr(0, text.size() - 3));
    }
    CHECK(said(lint_path(target, cached)) == expected());
    project.write("cache/pgguard/history-blocked", "");
    LintOptions blocked = plain;
    blocked.history_cache = project.path("cache/pgguard/history-blocked/sub");  // cannot be created
    CHECK(said(lint_path(target, blocked)) == expected());
  }
  SECTION("a whole-directory run and --changed-like runs agree with the cache") {
    std::vector<std::string> files;
    for (int i = 0; i < 6; ++i) files.push_back(project.path("db/migrations/00" + std::to_string(i) + "_t.sql"));
    files.push_back(target);
    auto all_plain = lint_files(files, plain), all_cached = lint_files(files, cached);
    for (size_t i = 0; i < files.size(); ++i) CHECK(said(all_plain[i]) == said(all_cached[i]));
    std::vector<std::string> last_two(files.end() - 2, files.end());
    auto two_plain = lint_files(last_two, plain), two_cached = lint_files(last_two, cached);
    for (size_t i = 0; i < 2; ++i) CHECK(said(two_plain[i]) == said(two_cached[i]));
  }
}

TEST_CASE("lint history cache: settled files enter the key by their stat data, and a change is still seen", "[lint]") {
  TempProject project;
  const std::string target = write_history(project, 4, "ALTER TABLE t1 ALTER COLUMN v TYPE int;\nALTER TABLE t2 ALTER COLUMN v TYPE int;\n");
  LintOptions plain;
  LintOptions cached;
  cached.history_cache = project.path("cache/pgguard/history");
  cached.history_settle = std::chrono::seconds(0);  // every file written so far has settled
  auto expected = [&] { return said(lint_path(target, plain)); };
  REQUIRE(expected() == said(lint_path(target, cached)));  // a miss: replayed, then stored
  REQUIRE(entries(cached.history_cache).size() == 1);
  CHECK(expected() == said(lint_path(target, cached)));  // a hit by stat data
  CHECK(entries(cached.history_cache).size() == 1);

  // Rewritten (to another size, as a settled file's write would change its ctime): a miss, and
  // the new content is what the lint sees.
  project.write("db/migrations/001_t.sql", "CREATE TABLE t1 (id bigint PRIMARY KEY, v varchar(123));\n");
  auto now = expected();
  CHECK(std::find_if(now.begin(), now.end(), [](const std::string& s) { return s.find("varchar(123)") != std::string::npos; }) != now.end());
  CHECK(said(lint_path(target, cached)) == now);
  CHECK(entries(cached.history_cache).size() == 2);
}

TEST_CASE("lint history cache: a file's stamp only once it has settled, and another after a write", "[lint]") {
  TempProject project;
  project.write("a.sql", "SELECT 1;\n");
  auto now = std::chrono::system_clock::now();
  CHECK_FALSE(settled_stamp(project.path("a.sql"), now - std::chrono::hours(1)));  // written after that
  auto stamp = settled_stamp(project.path("a.sql"), now + std::chrono::hours(1));
  REQUIRE(stamp);
  CHECK(settled_stamp(project.path("a.sql"), now + std::chrono::hours(1)) == stamp);
  project.write("a.sql", "SELECT 12;\n");
  CHECK(settled_stamp(project.path("a.sql"), now + std::chrono::hours(1)) != stamp);
  CHECK_FALSE(settled_stamp(project.path("missing.sql"), now + std::chrono::hours(1)));
}

TEST_CASE("lint history cache: lives under the user's cache directory only", "[lint]") {
  CHECK(history_cache_dir({{"XDG_CACHE_HOME", "/c"}, {"HOME", "/"}}) == "/c/pgguard/history");
  CHECK(history_cache_dir({{"XDG_CACHE_HOME", "relative"}, {"HOME", "/"}}) == "//.cache/pgguard/history");
  CHECK(history_cache_dir({{"HOME", "/nonexistent-home"}}).empty());
  CHECK(history_cache_dir({}).empty());
}

TEST_CASE("lint history cache: keys differ with settings, paths and content", "[lint]") {
  auto key = [](const std::string& settings, const std::string& path, const std::optional<std::string>& text) {
    HistoryKey k(settings);
    k.add_content(path, text);
    return k.hex();
  };
  auto stamped = [](const std::string& path, const std::string& stamp) {
    HistoryKey k("plain");
    k.add_stamp(path, stamp);
    return k.hex();
  };
  std::string base = key("plain", "a.sql", std::string("x"));
  CHECK(base == key("plain", "a.sql", std::string("x")));
  CHECK(base != key("goose", "a.sql", std::string("x")));
  CHECK(base != key("plain", "b.sql", std::string("x")));
  CHECK(base != key("plain", "a.sql", std::string("y")));
  CHECK(base != key("plain", "a.sql", std::nullopt));
  CHECK(key("p", "a.sql1", std::string(":x")) != key("p", "a.sql", std::string("1:x")));
  CHECK(base != stamped("a.sql", "x"));  // a stamp never passes for content
  CHECK(stamped("a.sql", "x") != stamped("a.sql", "y"));
}
