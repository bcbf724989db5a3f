// Each client's payloads, with that client's real field names (tests/fixtures/payloads/<client>/),
// through pgguard-pre-tool-use --client <client>: the answer must be in the client's own contract
// and carry the expected verdict and rule ids. `deny(ask)` in an .expect file is an ask rendered as
// a deny for a client that does not block on ask.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <set>

#include "support/corpus.h"
#include "support/temp_project.h"
#include "util/files.h"
#include "util/subprocess.h"
#include "util/text.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace pgguard;

namespace {

struct Rendered {
  std::string verdict;  // "none" for no output
  std::string reason;
};

// Where each client's contract puts the verdict and the reason.
Rendered read_answer(const std::string& client, const std::string& out) {
  if (out.empty()) return {"none", ""};
  json answer = json::parse(out);
  if (client == "claude" || client == "codex") {
    const json& specific = answer.at("hookSpecificOutput");
    CHECK(specific.at("hookEventName") == "PreToolUse");
    if (client == "codex") CHECK(answer.size() == 1);  // Codex rejects unknown fields
    return {specific.at("permissionDecision"), specific.at("permissionDecisionReason")};
  }
  if (client == "gemini") return {answer.at("decision"), answer.at("reason")};
  if (client == "cursor") {
    CHECK(answer.at("user_message").is_string());
    return {answer.at("permission"), answer.at("agent_message")};
  }
  return {answer.at("permissionDecision"), answer.at("permissionDecisionReason")};
}

std::set<std::string> rule_ids(const std::string& reason) {
  static const RE2 id(R"(\[([a-z]+(?:-[a-z]+)+)\])");
  std::set<std::string> ids;
  re2::StringPiece rest(reason);
  std::string found;
  while (RE2::FindAndConsume(&rest, id, &found)) ids.insert(found);
  return ids;
}

}  // namespace

TEST_CASE("client payloads: every client's answer is in its contract, with the expected verdict", "[clients][payloads]") {
  size_t cases = 0;
  for (const auto& dir : fs::directory_iterator(testing::source_path("tests/fixtures/payloads"))) {
    if (!dir.is_directory()) continue;
    std::string client = dir.path().filename();
    for (const auto& file : fs::directory_iterator(dir.path())) {
      if (file.path().extension() != ".json" || fs::path(file.path()).replace_extension().extension() == ".pgguard") continue;
      testing::TempProject project;
      // A payload may come with the project's .pgguard.json (<name>.pgguard.json beside it).
      if (auto config = read_file_bounded(fs::path(file.path()).replace_extension(".pgguard.json"), 1 << 16)) project.write(".pgguard.json", *config);
      std::string payload = testing::payload_fixture(file.path(), project.root);
      std::vector<std::string> expect = split_words(read_file_bounded(fs::path(file.path()).replace_extension(".expect"), 4096).value());
      REQUIRE_FALSE(expect.empty());
      INFO(client << "/" << file.path().filename().string());
      auto r = run_process(PGGUARD_PRE_HOOK, {"--client", client}, payload, {{"PATH", "/usr/bin:/bin"}, {"HOME", "/nonexistent"}});
      CHECK(r.exit_code == 0);
      Rendered answer = read_answer(client, r.out);
      std::string verdict = expect[0];
      bool ask_as_deny = verdict == "deny(ask)";
      CHECK(answer.verdict == (ask_as_deny ? "deny" : verdict));
      if (ask_as_deny) CHECK(answer.reason.find("a human must approve") != std::string::npos);
      CHECK(rule_ids(answer.reason) == std::set<std::string>(expect.begin() + 1, expect.end()));
      CHECK(r.out.find("hunter2") == std::string::npos);  // secrets are redacted in every answer
      ++cases;
    }
  }
  CHECK(cases >= 35);
}

TEST_CASE("client payloads: an unknown --client blocks and says so", "[clients]") {
  auto r = run_process(PGGUARD_PRE_HOOK, {"--client", "vim"}, R"({"tool_name":"Bash","tool_input":{"command":"ls"}})", {{"PATH", "/usr/bin:/bin"}});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("unknown --client") != std::string::npos);
  CHECK(json::parse(r.out)["hookSpecificOutput"]["permissionDecision"] == "ask");
}
