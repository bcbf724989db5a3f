#pragma once
#include <string_view>
#include <vector>

namespace pgguard {

// One hook pgguard adds to a client's configuration.
struct HookEntry {
  std::string_view event;    // "PreToolUse", "BeforeTool", "beforeShellExecution"
  std::string_view matcher;  // tool-name pattern; empty for clients whose entries have none
  bool post;                 // pgguard-post-tool-use instead of pgguard-pre-tool-use
  int timeout_seconds;
};

// Where and in which shape `pgguard init --client NAME` writes a client's hook configuration.
struct HookConfig {
  std::string_view settings_path;      // relative to the project root
  std::string_view instructions_path;  // the project instructions file the client's agent reads
  // Matchers: {"hooks": {event: [{"matcher", "hooks": [{"type": "command", command, timeout}]}]}}
  // Flat:     {"hooks": {event: [{command, timeout, ...extras}]}}
  enum class Shape { Matchers, Flat };
  Shape shape = Shape::Matchers;
  std::string_view command_key = "command";
  std::string_view timeout_key = "timeout";
  int timeout_unit_ms = 1000;           // Gemini CLI counts milliseconds
  std::string_view entry_extras = "{}"; // JSON object merged into each flat entry
  std::string_view top_level = "{}";    // JSON object of keys the file must have ({"version": 1})
  std::vector<HookEntry> hooks;
  // Said by init when it adds or changes the hooks: what the human must still do before the client
  // runs them; empty when nothing.
  std::string_view review_note = "";
};

}  // namespace pgguard
