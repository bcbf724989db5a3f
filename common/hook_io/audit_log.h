#pragma once
#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace pgguard::audit {

struct Entry {
  std::string time;  // ISO 8601 UTC
  std::string hook;  // PreToolUse / PostToolUse
  std::string session_id;
  std::string cwd;
  std::string tool;
  std::string decision;  // deny, ask, allow, none, block, context
  std::vector<std::string> rules;
  std::string subject;  // the command or file, secrets redacted
};

struct Settings {
  bool enabled = true;
  bool all_decisions = false;  // also log silence
  size_t max_bytes = 5u << 20;  // then the log rotates to <name>.1
};

// $XDG_STATE_HOME/pgguard (default ~/.local/state/pgguard)/<project>-<hash>.jsonl for a project
// dir; empty (no log) when $HOME names a directory that does not exist.
std::string log_path(const std::string& project_dir, const std::map<std::string, std::string>& env);

// Appends one line under an exclusive lock, rotating first when the log is full; nothing for an
// empty path. Never throws: a logging failure must not change a decision.
void append(const Entry& entry, const Settings& settings, const std::string& path) noexcept;

std::string now_iso8601(std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace pgguard::audit
