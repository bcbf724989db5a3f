// The CLI catalog: tools found by program, entries read on first use, malformed catalogs refused.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "guard/guard.h"
#include "sinks/cli_catalog.h"

using namespace pgguard;
using sinks::CliCatalog;
using sinks::CliClass;

TEST_CASE("The built-in catalog finds tools by any of their programs", "[catalog]") {
  const CliCatalog& catalog = builtin_catalog();
  const sinks::CliTool* drizzle = catalog.find_tool("drizzle-kit");
  REQUIRE(drizzle);
  CHECK(drizzle->name == "drizzle-kit");
  const sinks::CliSubcommand* push = catalog.match(*drizzle, {"push"});
  REQUIRE(push);
  CHECK(push->cls == CliClass::Push);
  const sinks::CliTool* sequelize = catalog.find_tool("sequelize-cli");
  REQUIRE(sequelize);
  CHECK(sequelize->name == "sequelize");
  CHECK(catalog.find_tool("sequelize") == sequelize);  // converted once, then reused
  CHECK_FALSE(catalog.find_tool("ls"));
  const sinks::CliSubcommand* script = catalog.judge_script_name("db:push");
  REQUIRE(script);
  CHECK(script->cls == CliClass::Push);
  CHECK_FALSE(catalog.judge_script_name("build"));
}

TEST_CASE("A catalog reads only the entry a command needs, and the first tool naming a program wins", "[catalog]") {
  static const std::string text = R"({"tools": [
    {"name": "first", "programs": ["shared", "one"], "subcommands": [{"args": ["up"], "class": "migrate", "what": "w", "safe": "s"}]},
    {"name": "second", "programs": ["shared", "two"]}
  ], "scripts": [{"pattern": "^seed$", "class": "write", "what": "w", "safe": "s"}]})";
  CliCatalog catalog = CliCatalog::load(text);
  REQUIRE(catalog.find_tool("shared"));
  CHECK(catalog.find_tool("shared")->name == "first");
  CHECK(catalog.find_tool("two")->name == "second");
  REQUIRE(catalog.match(*catalog.find_tool("one"), {"up"}));
  CHECK(catalog.match(*catalog.find_tool("one"), {"up"})->cls == CliClass::Migrate);
  REQUIRE(catalog.judge_script_name("seed"));
  CHECK(catalog.judge_script_name("seed")->cls == CliClass::Write);
}

TEST_CASE("Malformed catalogs are refused when loaded", "[catalog]") {
  for (const char* text : {R"({"tools": [{"name": "x", "programs": "x"}]})", R"({"tools": [{"name": "x", "programs": ["x", 1]}]})",
                           R"({"tools": {"x": {"programs": ["x"]}}})", R"({"tools": []})", R"({"tools": [{"name": "x", "programs": ["x"]}],
                           "scripts": {}})", R"({"tools": [{"name": "x")", ""}) {
    INFO(text);
    CHECK_THROWS_AS(CliCatalog::load(text), std::runtime_error);
  }
}
