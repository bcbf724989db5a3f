#include "support/tool_corpus.h"

#include <re2/re2.h>

#include "guard/pre_tool_use.h"
#include "util/text.h"

namespace pgguard::testing {

using nlohmann::json;

std::string call_of(const CorpusCase& c) {
  std::string call;
  for (const auto& line : split_lines(c.command))
    if (line.rfind('#', 0) != 0) call += line + "\n";
  return call;
}

std::string payload_of(const std::string& call, const std::string& cwd) {
  if (starts_with(call, "payload: ")) return trim(call.substr(9));
  json payload = {{"session_id", "corpus"}, {"cwd", cwd}, {"hook_event_name", "PreToolUse"}};
  static const RE2 tool_call(R"((mcp__\S+|Write|Edit|MultiEdit)\s+\{[\s\S]*)");
  std::string tool;
  if (RE2::FullMatch(call, tool_call, &tool)) {
    payload["tool_name"] = tool;
    payload["tool_input"] = json::parse(call.substr(tool.size()));
  } else {
    payload["tool_name"] = "Bash";
    payload["tool_input"] = {{"command", trim(call)}};
  }
  return payload.dump();
}

Answered answer(const std::string& payload, const std::map<std::string, std::string>& env, const std::string& cwd) {
  hook_io::RawInput raw;
  raw.bytes = payload;
  raw.total_bytes = raw.bytes.size();
  Answer out = run_pre_tool_use(raw, env, cwd, *find_client("claude"));
  Answered answered;
  if (out.out.empty()) return answered;
  json hook = json::parse(out.out)["hookSpecificOutput"];
  answered.verdict = hook["permissionDecision"].get<std::string>();
  answered.reason = hook["permissionDecisionReason"].get<std::string>();
  static const RE2 rule(R"(\n- \[([a-z-]+)\])");
  re2::StringPiece rest(answered.reason);
  std::string id;
  while (RE2::FindAndConsume(&rest, rule, &id)) answered.rules.insert(id);
  return answered;
}

}  // namespace pgguard::testing
