// The readers behind interpreters and task runners: driver calls in code, recipe files, and the
// prefilter's cheap view of the files a command runs.
#include <catch2/catch.hpp>

#include "shell/files_run.h"
#include "sinks/interpreters.h"
#include "sinks/task_runners.h"

using namespace pgguard;
using namespace pgguard::sinks;

namespace {

const Language& language(const char* name) {
  const Language* lang = InterpreterCatalog::builtin().language_named(name);
  REQUIRE(lang);
  return *lang;
}

}  // namespace

TEST_CASE("driver calls: literal SQL, shapes, opaque arguments and shell commands", "[interpreters]") {
  auto calls = scan_code(language("python"),
                         "import psycopg2\ncur = psycopg2.connect('').cursor()\ncur.execute(\"DROP TABLE users\")\n"
                         "cur.execute(f\"DELETE FROM {t}\")\ncur.execute(query, params)\nsubprocess.run([\"dropdb\", \"app\"])\n",
                         false);
  REQUIRE(calls.size() == 4);
  CHECK(calls[0].text == std::optional<std::string>("DROP TABLE users"));
  CHECK(calls[0].line == 3);
  CHECK(calls[1].partial);
  CHECK(calls[1].text == std::optional<std::string>("DELETE FROM pgguard_unknown"));
  CHECK_FALSE(calls[2].text);
  CHECK(calls[3].kind == CodeCall::Kind::Shell);
  CHECK(calls[3].text == std::optional<std::string>("dropdb app"));
}

TEST_CASE("driver calls: SQL calls count only when the code loads a driver", "[interpreters]") {
  CHECK(scan_code(language("python"), "import sqlite3\nsqlite3.connect('x').execute('DROP TABLE t')\n", false).empty());
  CHECK(scan_code(language("python"), "Model.objects.raw('SELECT 1')", true).size() == 1);
  auto nested = scan_code(language("python"), "import sqlalchemy as sa\nconn.execute(sa.text('TRUNCATE t'))", false);
  REQUIRE(nested.size() == 1);  // execute(text(...)) is one statement, read from text()
  CHECK(nested[0].call == ".text");
  auto ruby = scan_code(language("ruby"), "require 'pg'\nconn.exec \"DELETE FROM s\"\n`psql -c 'DROP TABLE x'`", false);
  REQUIRE(ruby.size() == 2);
  CHECK(ruby[1].kind == CodeCall::Kind::Shell);
  CHECK(connection_urls("connect('postgres://u@prod-db/app')") == std::vector<std::string>{"postgres://u@prod-db/app"});
}

TEST_CASE("recipe files: Makefile variables and prerequisites, just and Taskfile recipes", "[recipes]") {
  RecipeBook make = read_recipes("make", "DB ?= app\nPSQL = psql -d $(DB)\n\nall: build\n\nbuild:\n\t@echo hi\n\treset: x\n"
                                         "reset: build\n\t-$(PSQL) -c 'DROP TABLE t'\n\t$(MAKE) build\n");
  CHECK(make.first == "all");
  const Recipe* reset = make.find("reset");
  REQUIRE(reset);
  CHECK(reset->dependencies == std::vector<std::string>{"build"});
  CHECK(reset->lines == std::vector<std::string>{"psql -d app -c 'DROP TABLE t'", "make build"});
  RecipeBook just = read_recipes("just", "set dotenv-load\n\n@nuke target='x': build\n    dropdb {{target}}\n\nbuild:\n  echo b\n");
  REQUIRE(just.find("nuke"));
  CHECK(just.find("nuke")->lines == std::vector<std::string>{"dropdb pgguard_unknown"});
  CHECK(just.find("nuke")->dependencies == std::vector<std::string>{"build"});
  RecipeBook task = read_recipes("taskfile", "version: '3'\ntasks:\n  db:reset:\n    deps: [stop]\n    cmds:\n      - psql -c \"DROP DATABASE app\"\n"
                                             "      - task: migrate\n  stop: docker compose stop\n");
  REQUIRE(task.find("db:reset"));
  CHECK(task.find("db:reset")->lines == std::vector<std::string>{"psql -c \"DROP DATABASE app\"", "task migrate"});
  CHECK(task.find("db:reset")->dependencies == std::vector<std::string>{"stop"});
  REQUIRE(task.find("stop"));
  CHECK(task.find("stop")->lines == std::vector<std::string>{"docker compose stop"});
}

TEST_CASE("prefilter view: files in command position and after programs that run files", "[shell]") {
  int asked = 0;
  auto runs = [&](std::string_view program) {
    ++asked;
    return program == "python3";
  };
  auto run = shell::files_run("cd tools && ./x.sh a; python3 -u y.py && cat z.txt", runs);
  CHECK(run.files == std::vector<std::string>{"./x.sh", "y.py"});
  CHECK(run.directories == std::vector<std::string>{"tools"});
  CHECK(asked == 2);  // python3 and cat, each for a file-like word
  asked = 0;
  shell::files_run("ls -la src && git status", runs);
  CHECK(asked == 0);
}
