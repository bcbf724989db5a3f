#pragma once

namespace pgguard::hook_io {

// Installs handlers so that a crash (SIGSEGV, SIGABRT, ...) or a hard timeout still prints a valid
// `ask` answer and exits 0: Claude Code treats a crashed or silent PreToolUse hook as "allow".
// `fallback_json` must stay valid for the life of the process. timeout_seconds 0 disables the alarm.
void install_failsafe(const char* fallback_json, unsigned timeout_seconds);

// Called once the real answer is written, so a late signal does not print a second answer.
void disarm_failsafe();

}  // namespace pgguard::hook_io
