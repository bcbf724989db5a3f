// For every corpus command that carries a password: the decision's reason, the explain trace and
// the audit log line never contain it.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "guard/explain.h"
#include "hook_io/audit_log.h"
#include "util/secrets.h"
#include "support/corpus.h"
#include "util/files.h"

using namespace pgguard;
using namespace pgguard::testing;

namespace {

// The words redaction removes from a text: the secrets it holds.
std::set<std::string> secret_words(const std::string& text) {
  std::string redacted = redact(text);
  std::set<std::string> words;
  std::string current;
  for (char c : text + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '!' || c == '#') {
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
