// pgguard init / uninstall / doctor for each agent client: the client's own settings file and
// shape, idempotent merges that keep what is there, and a round trip back to the files as they were.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "clients/client.h"
#include "setup/client_hooks.h"
#include "setup/setup.h"
#include "support/temp_project.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace pgguard;
using testing::TempProject;

namespace {

std::string bin_dir() { return fs::path(PGGUARD_PRE_HOOK).parent_path().string(); }

void apply(const std::vector<setup::FileChange>& changes) {
  std::string error;
  REQUIRE(setup::apply(changes, error));
}

bool changes_nothing(const std::vector<setup::FileChange>& changes) {
  for (const auto& c : changes)
    if (c.changed()) return false;
  return true;
}

}  // namespace

TEST_CASE("init --client writes each client's own hook file, in its shape, with its --client flag", "[setup][clients]") {
  struct Expect {
    std::string client, settings, instructions, event, post_event;  // post_event: "" when the client ignores after-tool output
  };
  for (const auto& e : {Expect{"gemini", ".gemini/settings.json", "GEMINI.md", "BeforeTool", "AfterTool"},
                        Expect{"codex", ".codex/hooks.json", "AGENTS.md", "PreToolUse", "PostToolUse"},
                        Expect{"cursor", ".cursor/hooks.json", "AGENTS.md", "beforeShellExecution", ""},
                        Expect{"copilot", ".github/hooks/pgguard.json", ".github/copilot-instructions.md", "preToolUse", "postToolUse"}}) {
    INFO(e.client);
    TempProject p;
    apply(setup::plan_init({p.root, bin_dir(), false, e.client}));
    json settings = json::parse(p.read(e.settings));
    std::string pre = bin_dir() + "/pgguard-pre-tool-use --client " + e.client;
    REQUIRE(settings["hooks"][e.event].is_array());
    std::string dumped = settings.dump();
    CHECK(dumped.find(json(pre).dump()) != std::string::npos);
    std::string post = bin_dir() + "/pgguard-post-tool-use --client " + e.client;
    CHECK((dumped.find(json(post).dump()) != std::string::npos) == !e.post_event.empty());
    if (!e.post_event.empty()) CHECK(settings["hooks"][e.post_event].dump().find(json(post).dump()) != std::string::npos);
    CHECK_FALSE(fs::exists(p.path(".claude/settings.json")));
    CHECK(p.read(e.instructions).find("PostgreSQL rules enforced by pgguard") != std::string::npos);
    CHECK(json::parse(p.read(".pgguard.json"))["init"]["clients"] == json::array({e.client}));
    auto again = setup::plan_init({p.root, bin_dir(), false, e.client});
    CHECK(changes_nothing(again));
    CHECK(again.front().note.empty());  // a review note only with hooks that changed
    bool post_self_test = false;
    for (const auto& check : setup::doctor(p.root, bin_dir(), e.client)) {
      INFO(check.name << ": " << check.detail);
      CHECK(check.ok);
      if (check.name == "self-test: a bad migration is reported") post_self_test = true;
    }
    CHECK(post_self_test == !e.post_event.empty());
  }
}

TEST_CASE("init tells the user what the client still needs before it runs new hooks", "[setup][clients]") {
  TempProject p;
  CHECK(setup::plan_init({p.root, bin_dir(), false, "codex"}).front().note.find("review") != std::string::npos);
  CHECK(setup::plan_init({p.root, bin_dir(), false, "gemini"}).front().note.find("trusted folder") != std::string::npos);
  CHECK(setup::plan_init({p.root, bin_dir(), false, "copilot"}).front().note.empty());
}

TEST_CASE("client hook shapes follow each contract", "[setup][clients]") {
  json gemini = json::parse(setup::with_hooks(*find_client("gemini"), "", "/opt/bin"));
  CHECK(gemini["hooks"]["BeforeTool"][0]["matcher"] == "run_shell_command|write_file|replace|mcp_.*");
  CHECK(gemini["hooks"]["BeforeTool"][0]["hooks"][0]["timeout"] == 10000);  // milliseconds
  json cursor = json::parse(setup::with_hooks(*find_client("cursor"), "", "/opt/bin"));
  CHECK(cursor["version"] == 1);
  CHECK(cursor["hooks"]["beforeMCPExecution"][0] ==
        json{{"command", "/opt/bin/pgguard-pre-tool-use --client cursor"}, {"timeout", 10}, {"failClosed", true}});
  json copilot = json::parse(setup::with_hooks(*find_client("copilot"), "", "/opt/bin"));
  CHECK(copilot["hooks"]["preToolUse"][0] ==
        json{{"type", "command"}, {"bash", "/opt/bin/pgguard-pre-tool-use --client copilot"}, {"timeoutSec", 10}});
  json codex = json::parse(setup::with_hooks(*find_client("codex"), "", "/opt/bin"));
  CHECK(codex.size() == 1);  // Codex refuses a hooks.json with root keys other than description and hooks
  CHECK(codex["hooks"]["PreToolUse"][0]["matcher"] == "Bash|apply_patch|mcp__.*");
  CHECK(codex["hooks"]["PostToolUse"][0]["hooks"][0] ==
        json{{"type", "command"}, {"command", "/opt/bin/pgguard-post-tool-use --client codex"}, {"timeout", 30}});
  CHECK(gemini["hooks"]["AfterTool"][0]["hooks"][0]["timeout"] == 30000);
  CHECK(copilot["hooks"]["postToolUse"][0] ==
        json{{"type", "command"}, {"bash", "/opt/bin/pgguard-post-tool-use --client copilot"}, {"timeoutSec", 30}});
  CHECK_FALSE(cursor["hooks"].contains("afterFileEdit"));  // Cursor reads nothing a hook prints after a tool
  json claude = json::parse(setup::with_hooks(*find_client("claude"), "", "/opt/bin"));
  CHECK(claude["hooks"]["PreToolUse"][0]["hooks"][0]["command"] == "/opt/bin/pgguard-pre-tool-use");
}

TEST_CASE("uninstall --client restores each client's files as they were", "[setup][clients]") {
  for (std::string client : {"claude", "gemini", "codex", "cursor", "copilot"}) {
    INFO(client);
    TempProject p;
    const Client& c = *find_client(client);
    std::string settings = std::string(c.hooks.settings_path), instructions = std::string(c.hooks.instructions_path);
    // A settings file with the user's own hook for the same event, and an instructions file of theirs.
    std::string event = std::string(c.hooks.hooks.front().event);
    json own = c.hooks.shape == HookConfig::Shape::Flat
                   ? json{{"version", 1}, {"hooks", {{event, {{{std::string(c.hooks.command_key), "./own-hook.sh"}}}}}}}
                   : json{{"hooks", {{event, {{{"matcher", "Bash"}, {"hooks", {{{"type", "command"}, {"command", "./own-hook.sh"}}}}}}}}}};
    std::string own_text = own.dump(2) + "\n";
    p.write(settings, own_text);
    p.write(instructions, "# Our project\n\nUse pnpm.\n");
    apply(setup::plan_init({p.root, bin_dir(), false, client}));
    CHECK(p.read(settings).find("./own-hook.sh") != std::string::npos);
    CHECK(p.read(settings).find("pgguard-pre-tool-use") != std::string::npos);
    apply(setup::plan_uninstall(p.root, client));
    CHECK(p.read(settings) == own_text);
    CHECK(p.read(instructions) == "# Our project\n\nUse pnpm.\n");
    CHECK_FALSE(fs::exists(p.path(".pgguard.json")));
  }
}

TEST_CASE("with two clients installed, uninstalling one keeps what the other uses", "[setup][clients]") {
  TempProject p;
  apply(setup::plan_init({p.root, bin_dir(), false, "codex"}));
  apply(setup::plan_init({p.root, bin_dir(), false, "cursor"}));
  CHECK(json::parse(p.read(".pgguard.json"))["init"]["clients"] == json::array({"codex", "cursor"}));
  apply(setup::plan_uninstall(p.root, "codex"));
  CHECK_FALSE(fs::exists(p.path(".codex/hooks.json")));  // created by init, nothing else in it
  CHECK(fs::exists(p.path(".cursor/hooks.json")));
  CHECK(p.read("AGENTS.md").find("PostgreSQL rules enforced by pgguard") != std::string::npos);  // Cursor reads it too
  CHECK(json::parse(p.read(".pgguard.json"))["init"]["clients"] == json::array({"cursor"}));
  apply(setup::plan_uninstall(p.root, "cursor"));
  CHECK_FALSE(fs::exists(p.path(".cursor/hooks.json")));
  CHECK_FALSE(fs::exists(p.path(".pgguard.json")));
  CHECK(p.read("AGENTS.md").find("pgguard") == std::string::npos);
}
