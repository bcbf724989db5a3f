// For every corpus command that carries a password: the decision's reason, the explain trace and
// the audit log line never contain it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "guard/explain.h"
#include "hook_io/audit_log.h"
#include "util/secrets.h"
#include "support/corpus.h"
#include "util/files.h"
#include "util/subprocess.h"

using namespace pgguard;
using namespace pgguard::testing;

namespace {

// The words redaction removes from a text: the secrets it holds.
std::set<std::string> secret_words(const std::string& text) {
  std::string redacted = redact(text);
  std::set<std::string> words;
  std::string current;
  for (char c : text + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '!' || c == '#' || c == '-') {
      current += c;
      continue;
    }
    if (current.size() >= 4 && redacted.find(current) == std::string::npos) words.insert(current);
    current.clear();
  }
  return words;
}

}  // namespace

TEST_CASE("secrets: no reason, explain trace or audit line contains a password from the command", "[secrets]") {
  FixtureCopy fixtures;
  std::string log = make_temp_directory("pgguard-secrets") + "/audit.jsonl";
  size_t with_secrets = 0;
  for (const auto& file : corpus_files(source_path("tests/corpus/guard"))) {
    for (const auto& c : load_corpus_file(file)) {
      std::set<std::string> secrets = secret_words(c.command);
      for (const auto& [name, value] : c.env) secrets.merge(secret_words(value));
      if (secrets.empty()) continue;
      ++with_secrets;
      GuardRequest request;
      request.command = c.command;
      request.cwd = fixtures.path_for(c.fixture);
      request.env = c.env;
      Analysis analysis = analyse_command(request, load_policy(request.cwd, ""));
      std::string trace = explain_command(request.command, analysis).dump();
      audit::append({audit::now_iso8601(), "PreToolUse", "s", request.cwd, "Bash", "deny", {}, request.command}, {}, log);
      std::ifstream in(log);
      std::stringstream logged;
      logged << in.rdbuf();
      for (const auto& secret : secrets) {
        INFO(c.file << ":" << c.line << " leaks " << secret);
        CHECK(analysis.decision.reason.find(secret) == std::string::npos);
        CHECK(trace.find(secret) == std::string::npos);
        CHECK(logged.str().find(secret) == std::string::npos);
      }
    }
  }
  remove_tree(log.substr(0, log.find_last_of('/')));
  CHECK(with_secrets >= 25);
}

// secrets.txt writes every password with the word Tr0ub4dor, so this test knows the secrets without
// asking redaction which words they are. Each case runs through the PreToolUse executable with its
// own state directory; the audit log file it writes is read back.
TEST_CASE("secrets: passwords written into SQL reach no reason, explain output or audit log file", "[secrets]") {
  const std::string marker = "Tr0ub4dor";
  std::string state = make_temp_directory("pgguard-audit");
  FixtureCopy fixtures;
  size_t cases = 0;
  for (const auto& c : load_corpus_file(source_path("tests/corpus/guard/secrets.txt"))) {
    if (c.command.find(marker) == std::string::npos) continue;
    ++cases;
    INFO("secrets.txt:" << c.line << "\n  " << c.command);
    std::string cwd = fixtures.path_for(c.fixture);
    nlohmann::json payload = {{"session_id", "s"}, {"cwd", cwd}, {"hook_event_name", "PreToolUse"}, {"tool_name", "Bash"},
                              {"tool_input", {{"command", c.command}}}};
    auto hook = run_process(PGGUARD_PRE_HOOK, {}, payload.dump(), {{"PATH", "/usr/bin:/bin"}, {"XDG_STATE_HOME", state}});
    CHECK(hook.out.find("permissionDecision") != std::string::npos);
    CHECK(hook.out.find(marker) == std::string::npos);
    GuardRequest request;
    request.command = c.command;
    request.cwd = cwd;
    Analysis analysis = analyse_command(request, load_policy(cwd, ""));
    CHECK(explain_command(request.command, analysis).dump().find(marker) == std::string::npos);
    auto text = run_process(PGGUARD_CLI, {"explain", c.command, "--cwd", cwd}, "", {{"PATH", "/usr/bin:/bin"}});
    CHECK(text.out.find(marker) == std::string::npos);
  }
  CHECK(cases >= 30);
  size_t logged = 0;
  for (const auto& entry : std::filesystem::directory_iterator(state + "/pgguard")) {
    if (entry.path().extension() != ".jsonl") continue;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line); ++logged) {
      INFO(line);
      CHECK(line.find(marker) == std::string::npos);
    }
  }
  CHECK(logged == cases);  // every decision was logged, so the check above saw each one
  remove_tree(state);
}

// The guard substitutes placeholder identifiers for text it cannot know (pgguard_unknown...) so
// the rest still parses. No reason over the whole corpus shows one the command did not write.
TEST_CASE("secrets: no internal placeholder name reaches a reason", "[secrets]") {
  FixtureCopy fixtures;
  const std::regex internal_name(R"(pgguard_[A-Za-z0-9_]+|\$pgguard[0-9]*\$)");
  size_t with_unknowns = 0;
  for (const auto& file : corpus_files(source_path("tests/corpus/guard"))) {
    for (const auto& c : load_corpus_file(file)) {
      GuardRequest request;
      request.command = c.command;
      request.cwd = fixtures.path_for(c.fixture);
      request.env = c.env;
      std::string reason = check_command(request, load_policy(request.cwd, "")).reason;
      if (reason.find("<unknown>") != std::string::npos) ++with_unknowns;
      for (std::sregex_iterator it(reason.begin(), reason.end(), internal_name), end; it != end; ++it) {
        INFO(c.file << ":" << c.line << " shows " << it->str() << "\n  " << reason);
        CHECK(c.command.find(it->str()) != std::string::npos);
      }
    }
  }
  CHECK(with_unknowns > 0);  // the corpus holds commands whose unknown parts a reason names
}
