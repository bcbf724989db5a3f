// Each client's after-tool payloads, with that client's real field names
// (tests/fixtures/payloads/<client>/post/), through pgguard-post-tool-use --client <client>, in a
// project with a clean migration (db/migrations/001_init.sql), a non-concurrent index
// (db/migrations/002_index.sql) and a source file (src/app.ts). The .expect file says what the
// client is told: `block` (the agent must answer the findings), `context` (the findings ride along
// with the tool's result) or `none`, then rule ids the answer must name.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/corpus.h"
#include "support/temp_project.h"
#include "util/files.h"
#include "util/subprocess.h"
#include "clients/client.h"
#include "util/text.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace pgguard;

namespace {

const std::map<std::string, std::string> kEnv = {{"PATH", "/usr/bin:/bin"}, {"HOME", "/nonexistent"}};

struct Told {
  std::string how;  // block, context, none
  std::string text;
};

// Where each client's contract puts the findings.
Told read_answer(const std::string& client, const std::string& out) {
  if (out.empty()) return {"none", ""};
  json answer = json::parse(out);
  if (client == "claude" || client == "codex") {
    if (answer.contains("decision")) {
      CHECK(answer["decision"] == "block");
      return {"block", answer.at("reason")};
    }
    CHECK(answer.at("hookSpecificOutput").at("hookEventName") == "PostToolUse");
    return {"context", answer["hookSpecificOutput"].at("additionalContext")};
  }
  if (client == "gemini") {
    if (answer.contains("decision")) {
      CHECK(answer["decision"] == "deny");  // AfterTool: replaces the tool's result with the reason
      return {"block", answer.at("reason")};
    }
    CHECK(answer.at("hookSpecificOutput").at("hookEventName") == "AfterTool");
    return {"context", answer["hookSpecificOutput"].at("additionalContext")};
  }
  CHECK(client == "copilot");
  CHECK(answer.size() == 1);
  return {"context", answer.at("additionalContext")};
}

void write_project(const testing::TempProject& project) {
  project.write("db/migrations/001_init.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL);\n");
  project.write("db/migrations/002_index.sql", "CREATE INDEX idx_orders_status ON orders (status);\n");
  project.write("src/app.ts", "export {};\n");
}

}  // namespace

TEST_CASE("client post payloads: every client is told the migration findings in its own contract", "[clients][post]") {
  size_t cases = 0;
  for (const auto& dir : fs::directory_iterator(testing::source_path("tests/fixtures/payloads"))) {
    std::string client = dir.path().filename();
    fs::path post = dir.path() / "post";
    if (!fs::is_directory(post)) continue;
    for (const auto& file : fs::directory_iterator(post)) {
      if (file.path().extension() != ".json") continue;
      testing::TempProject project;
      write_project(project);
      std::string payload = testing::payload_fixture(file.path(), project.root);
      std::vector<std::string> expect = split_words(read_file_bounded(fs::path(file.path()).replace_extension(".expect"), 4096).value());
      REQUIRE_FALSE(expect.empty());
      INFO(client << "/post/" << file.path().filename().string());
      auto r = run_process(PGGUARD_POST_HOOK, {"--client", client}, payload, kEnv);
      CHECK(r.exit_code == 0);
      Told told = read_answer(client, r.out);
      CHECK(told.how == expect[0]);
      for (size_t i = 1; i < expect.size(); ++i) CHECK(told.text.find("[" + expect[i] + "]") != std::string::npos);
      if (told.how == "block") CHECK(told.text.find("rewrite it as the fixes say") != std::string::npos);
      ++cases;
    }
  }
  CHECK(cases >= 20);
}

TEST_CASE("client post payloads: a client whose after-tool output is ignored gets nothing, and reading stops at EOF", "[clients][post]") {
  testing::TempProject project;
  write_project(project);
  std::string edit = R"({"hook_event_name":"afterFileEdit","workspace_roots":[")" + project.root + R"("],"file_path":"db/migrations/002_index.sql","edits":[]})";
  auto cursor = run_process(PGGUARD_POST_HOOK, {"--client", "cursor"}, edit, kEnv);
  CHECK(cursor.exit_code == 0);
  CHECK(cursor.out.empty());
  // The same migration written through Claude Code's Write is reported: the silence above is the client's, not the file's.
  std::string write = R"({"hook_event_name":"PostToolUse","tool_name":"Write","cwd":")" + project.root + R"(","tool_input":{"file_path":"db/migrations/002_index.sql","content":""}})";
  auto claude = run_process(PGGUARD_POST_HOOK, {}, write, kEnv);
  CHECK(claude.out.find("[create-index-non-concurrent]") != std::string::npos);
}

TEST_CASE("client post payloads: an unknown --client is said, in Claude Code's contract, without a crash", "[clients][post]") {
  auto r = run_process(PGGUARD_POST_HOOK, {"--client", "vim"}, R"({"tool_name":"Write","tool_input":{"file_path":"x.sql"}})", kEnv);
  CHECK(r.exit_code == 0);
  CHECK(json::parse(r.out)["hookSpecificOutput"]["additionalContext"].get<std::string>().find("unknown --client") != std::string::npos);
}

TEST_CASE("client post encoders: nothing to say prints nothing, and notes travel with the findings", "[clients][post]") {
  for (const Client* client : all_clients()) {
    INFO(client->name);
    if (!client->encode_post) {
      CHECK(client->name == "cursor");  // the one client that reads nothing a hook prints after a tool
      continue;
    }
    CHECK(client->encode_post(LintFeedback{}).out.empty());
    LintFeedback errors{true, "pgguard lint of a.sql:\n- [create-index-non-concurrent] error", "pgguard: .pgguard.json: unknown key.\n"};
    for (const LintFeedback& feedback : {errors, LintFeedback{false, errors.findings, errors.notes}}) {
      Answer answer = client->encode_post(feedback);
      CHECK(answer.exit_code == 0);
      Told told = read_answer(std::string(client->name), answer.out);
      CHECK(told.how == (feedback.errors && client->name != "copilot" ? "block" : "context"));
      std::string all = answer.out;
      CHECK(all.find("create-index-non-concurrent") != std::string::npos);
      CHECK(all.find("unknown key") != std::string::npos);
    }
  }
}
