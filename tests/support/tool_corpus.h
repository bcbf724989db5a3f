#pragma once
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "support/corpus.h"

namespace pgguard::testing {

// What the PreToolUse hook answered, as Claude Code reads it.
struct Answered {
  std::string verdict = "none";
  std::string reason;
  std::set<std::string> rules;  // the rule ids the reason names
};

// A case body as the tool call Claude Code would send: `<tool> <JSON input>` when the first word is
// an MCP tool, Write, Edit or MultiEdit and the rest is JSON; `payload: <text>` for raw hook stdin;
// otherwise a Bash command. Lines starting with # are comments.
std::string call_of(const CorpusCase& c);
// The hook's stdin for a call, run in `cwd`.
std::string payload_of(const std::string& call, const std::string& cwd);
// The whole PreToolUse pipeline, in process.
Answered answer(const std::string& payload, const std::map<std::string, std::string>& env, const std::string& cwd);

}  // namespace pgguard::testing
