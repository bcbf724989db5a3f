// The hook configuration `pgguard init --client NAME` writes, and the answers the hooks print,
// checked against what the clients' published packages accept: the settings schema and tool-name
// matcher inside @google/gemini-cli's bundle, the hook input and output schemas compiled into
// @openai/codex's binary, and the hook settings and messages of @github/copilot's runtime.
//
// PGGUARD_CLIENT_PACKAGES names where they are installed, ':'-separated: a node_modules directory
// (npm install --prefix DIR @google/gemini-cli @openai/codex @github/copilot) and, for Copilot,
// the directory its first run unpacks itself into (~/.cache/copilot/pkg). A package not found
// there is skipped with a printed reason.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "clients/client.h"
#include "setup/client_hooks.h"
#include "support/corpus.h"
#include "support/temp_project.h"
#include "util/files.h"
#include "util/subprocess.h"
#include "util/text.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace pgguard;

namespace {

const std::map<std::string, std::string> kEnv = {{"PATH", "/usr/bin:/bin"}, {"HOME", "/nonexistent"}};

std::vector<fs::path> package_roots() {
  const char* value = std::getenv("PGGUARD_CLIENT_PACKAGES");
  std::vector<fs::path> roots;
  std::istringstream parts(value ? value : "");
  for (std::string part; std::getline(parts, part, ':');)
    if (!part.empty() && fs::is_directory(part)) roots.emplace_back(part);
  return roots;
}

// Files matching root/<pattern>, where each '*' of the pattern is one directory level.
std::vector<fs::path> find(const std::vector<std::string>& pattern) {
  std::vector<fs::path> found = package_roots();
  for (const auto& part : pattern) {
    std::vector<fs::path> next;
    for (const auto& dir : found) {
      std::error_code ec;
      if (part != "*") {
        if (fs::exists(dir / part, ec)) next.push_back(dir / part);
        continue;
      }
      for (const auto& entry : fs::directory_iterator(dir, ec)) next.push_back(entry.path());
    }
    found = next;
  }
  return found;
}

std::string read_all(const fs::path& path) { return read_file_bounded(path, 64u << 20).value_or(""); }

// The JSON schema titled `title` that a binary carries as text ({"$schema": ..., "title": ...}).
std::optional<json> embedded_schema(const fs::path& binary, const std::string& title) {
  std::ifstream in(binary, std::ios::binary);
  const std::string marker = "\"title\": \"" + title + "\"";
  std::string window;
  std::vector<char> chunk(8u << 20);
  while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
    window.append(chunk.data(), in.gcount());
    size_t at = window.find(marker);
    if (at != std::string::npos) {
      size_t start = window.rfind("{\n  \"$schema\"", at);
      size_t end = window.find("\n}", at);
      if (start != std::string::npos && end != std::string::npos) return json::parse(window.substr(start, end + 2 - start), nullptr, false);
    }
    if (window.size() > (1u << 20)) window.erase(0, window.size() - (1u << 20));  // keep enough to hold one schema across chunks
  }
  return std::nullopt;
}

// The parts of JSON Schema (draft 7) the Codex schemas use: $ref, allOf, type, enum, const,
// properties, required and additionalProperties: false. Returns what does not conform.
std::vector<std::string> violations(const json& value, const json& schema, const json& root, const std::string& at) {
  if (schema.is_boolean()) return schema.get<bool>() ? std::vector<std::string>{} : std::vector<std::string>{at + ": not allowed"};
  if (schema.contains("$ref")) return violations(value, root["definitions"][std::string(schema["$ref"]).substr(14)], root, at);
  std::vector<std::string> out;
  auto add = [&](std::vector<std::string> more) { out.insert(out.end(), more.begin(), more.end()); };
  for (const auto& part : schema.value("allOf", json::array())) add(violations(value, part, root, at));
  if (schema.contains("enum") && std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end())
    out.push_back(at + ": " + value.dump() + " is not one of " + schema["enum"].dump());
  if (schema.contains("const") && schema["const"] != value) out.push_back(at + ": must be " + schema["const"].dump());
  if (schema.contains("type")) {
    json types = schema["type"].is_array() ? schema["type"] : json::array({schema["type"]});
    auto named = [&](const std::string& type) {
      return (type == "string" && value.is_string()) || (type == "object" && value.is_object()) || (type == "boolean" && value.is_boolean()) ||
             (type == "null" && value.is_null()) || (type == "array" && value.is_array()) || (type == "integer" && value.is_number_integer()) ||
             (type == "number" && value.is_number());
    };
    if (std::none_of(types.begin(), types.end(), [&](const json& t) { return named(t); })) out.push_back(at + ": not of type " + types.dump());
  }
  if (!value.is_object()) return out;
  for (const auto& name : schema.value("required", json::array()))
    if (!value.contains(name)) out.push_back(at + ": lacks " + std::string(name));
  json properties = schema.value("properties", json::object());
  for (const auto& [key, field] : value.items()) {
    if (properties.contains(key)) add(violations(field, properties[key], root, at + "." + key));
    else if (schema.value("additionalProperties", json(true)) == false) out.push_back(at + ": unknown field " + key);
  }
  return out;
}

void write_project(const testing::TempProject& project) {
  project.write("db/migrations/001_init.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL);\n");
  project.write("db/migrations/002_index.sql", "CREATE INDEX idx_orders_status ON orders (status);\n");
  project.write("src/app.ts", "export {};\n");
}

// Each fixture of a client (before the tool, or after it with `post`) with the hook's answer to it.
struct Exchange {
  std::string name;
  json payload;
  std::string answer;
};
std::vector<Exchange> exchanges(const std::string& client, bool post) {
  std::vector<Exchange> out;
  fs::path dir = fs::path(testing::source_path("tests/fixtures/payloads")) / client;
  if (post) dir /= "post";
  for (const auto& file : fs::directory_iterator(dir)) {
    std::string name = file.path().filename();
    if (file.path().extension() != ".json" || name.find(".pgguard.") != std::string::npos || name.find("malformed") != std::string::npos) continue;
    testing::TempProject project;
    write_project(project);
    std::string text = testing::payload_fixture(file.path(), project.root);
    auto r = run_process(post ? PGGUARD_POST_HOOK : PGGUARD_PRE_HOOK, {"--client", client}, text, kEnv);
    out.push_back({name, json::parse(text), r.out});
  }
  return out;
}

}  // namespace

TEST_CASE("client packages: Gemini CLI accepts the settings init writes and its matcher reaches every tool pgguard reads", "[clients][packages]") {
  std::string hook_schema, events, matcher_code, tool_names;
  bool trust_rule = false;  // what init's note about folder trust rests on
  for (const auto& bundle : find({"@google", "gemini-cli", "bundle", "*"})) {
    if (bundle.extension() != ".js") continue;
    std::string text = read_all(bundle);
    if (size_t at = text.find("  HookDefinitionArray: {"); at != std::string::npos && hook_schema.empty())
      hook_schema = text.substr(at, text.find("\n  },\n", at) - at);
    if (text.find("HookEventName2[\"AfterTool\"]") != std::string::npos) events = text.substr(text.find("HookEventName2[\""), 4000);
    if (size_t at = text.find("matchesToolName(matcher, toolName) {"); at != std::string::npos) matcher_code = text.substr(at, 300);
    if (text.find("WRITE_FILE_TOOL_NAME = ") != std::string::npos) tool_names = text;
    if (text.find("Project hooks disabled because the folder is not trusted.") != std::string::npos) trust_rule = true;
  }
  if (hook_schema.empty() || events.empty()) {
    WARN("skipped: no @google/gemini-cli bundle under PGGUARD_CLIENT_PACKAGES");
    return;
  }
  // The hook entry's fields as the bundled settings schema declares them.
  std::set<std::string> fields;
  static const std::regex property(R"(\n\s+(\w+): \{\n\s+type:)");
  for (std::sregex_iterator it(hook_schema.begin(), hook_schema.end(), property), end; it != end; ++it) fields.insert((*it)[1]);
  CHECK(fields.count("matcher"));
  CHECK(hook_schema.find("Timeout in milliseconds") != std::string::npos);  // the unit init writes

  CHECK(trust_rule);
  CHECK(find_client("gemini")->hooks.review_note.find("trusted folder") != std::string::npos);
  // The built-in tools pgguard reads are named so in this release.
  for (const char* declaration : {"SHELL_TOOL_NAME = \"run_shell_command\"", "WRITE_FILE_TOOL_NAME = \"write_file\"", "EDIT_TOOL_NAME = \"replace\""})
    CHECK(tool_names.find(declaration) != std::string::npos);
  json settings = json::parse(setup::with_hooks(*find_client("gemini"), "", "/opt/bin"));
  for (const auto& [event, groups] : settings["hooks"].items()) {
    INFO(event);
    CHECK(events.find("[\"" + event + "\"] = \"" + event + "\"") != std::string::npos);
    for (const auto& group : groups) {
      for (const auto& [key, value] : group.items()) CHECK(fields.count(key));
      for (const auto& handler : group["hooks"])
        for (const auto& [key, value] : handler.items()) CHECK(fields.count(key));
      // Gemini CLI tests the matcher as an unanchored JavaScript RegExp against the tool's name.
      REQUIRE(matcher_code.find("new RegExp(matcher)") != std::string::npos);
      std::regex matcher(group["matcher"].get<std::string>(), std::regex::ECMAScript);
      for (const char* tool : {"run_shell_command", "write_file", "replace", "mcp_filesystem_write_file", "mcp_filesystem_edit_file"})
        CHECK(std::regex_search(tool, matcher));
      CHECK(std::regex_search("mcp_supabase_execute_sql", matcher) == (event == "BeforeTool"));
      CHECK_FALSE(std::regex_search("read_file", matcher));
    }
  }
}

TEST_CASE("client packages: Codex's own hook schemas accept pgguard's answers and describe its payload fixtures", "[clients][packages]") {
  std::vector<fs::path> binaries;
  for (const auto& package : find({"@openai", "*"}))
    if (starts_with(package.filename().string(), "codex-"))
      for (const auto& binary : find({"@openai", package.filename().string(), "vendor", "*", "bin", "codex"})) binaries.push_back(binary);
  if (binaries.empty()) {
    WARN("skipped: no @openai/codex platform binary under PGGUARD_CLIENT_PACKAGES");
    return;
  }
  std::map<std::string, json> schemas;
  for (const char* title : {"pre-tool-use.command.input", "pre-tool-use.command.output", "post-tool-use.command.input", "post-tool-use.command.output"}) {
    auto schema = embedded_schema(binaries.front(), title);
    INFO(title);
    REQUIRE(schema);
    REQUIRE_FALSE(schema->is_discarded());
    schemas[title] = *schema;
  }
  // What Codex would refuse (and then run the tool anyway) is seen as such.
  const json& post_output = schemas["post-tool-use.command.output"];
  CHECK_FALSE(violations(json{{"decision", "deny"}, {"reason", "x"}}, post_output, post_output, "answer").empty());
  CHECK_FALSE(violations(json{{"permission", "deny"}}, post_output, post_output, "answer").empty());
  size_t answers = 0;
  for (bool post : {false, true}) {
    std::string event = post ? "post-tool-use" : "pre-tool-use";
    for (const auto& exchange : exchanges("codex", post)) {
      INFO(exchange.name << " -> " << exchange.answer);
      const json& input = schemas[event + ".command.input"];
      CHECK(violations(exchange.payload, input, input, "input") == std::vector<std::string>{});
      if (exchange.answer.empty()) continue;
      const json& output = schemas[event + ".command.output"];
      CHECK(violations(json::parse(exchange.answer), output, output, "answer") == std::vector<std::string>{});
      ++answers;
    }
  }
  CHECK(answers >= 6);
}

TEST_CASE("client packages: Copilot CLI's runtime reads the hook file init writes and takes additionalContext after a tool", "[clients][packages]") {
  std::vector<fs::path> runtimes = find({"*", "*", "prebuilds", "*", "runtime.node"});
  if (runtimes.empty()) {
    WARN("skipped: no unpacked @github/copilot runtime (run copilot once, then add ~/.cache/copilot/pkg to PGGUARD_CLIENT_PACKAGES)");
    return;
  }
  std::string runtime;
  {
    std::ifstream in(runtimes.front(), std::ios::binary);
    runtime.assign(std::istreambuf_iterator<char>(in), {});
  }
  json file = json::parse(setup::with_hooks(*find_client("copilot"), "", "/opt/bin"));
  CHECK(file["version"] == 1);
  CHECK(runtime.find("version: Invalid literal value, expected 1") != std::string::npos);
  for (const auto& [event, entries] : file["hooks"].items()) {
    INFO(event);
    CHECK(runtime.find("\"path\":\"hooks." + event + "\"") != std::string::npos);  // a hook event of its settings
    for (const auto& entry : entries)
      for (const auto& [key, value] : entry.items()) CHECK(runtime.find(key) != std::string::npos);
  }
  // postToolUse hooks may add context to a successful tool's result, which is where the findings go.
  CHECK(runtime.find("Hooks that run after a successful tool call, able to modify the result or add context.") != std::string::npos);
  for (const auto& exchange : exchanges("copilot", true)) {
    INFO(exchange.name);
    if (!exchange.answer.empty()) CHECK(json::parse(exchange.answer).contains("additionalContext"));
  }
}
