#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pgguard {

// A file the tool call writes, with the text it adds (a Write's content, an Edit's new string, a
// patch's added lines).
struct WrittenFile {
  std::string path;  // as the client gave it: may be relative to the call's cwd
  std::string added_text;
};

// One tool call, in terms no client owns: what an adapter reads out of a client's payload and what
// the guard decides on.
struct ToolCall {
  enum class Door { Other, Shell, FileWrite, Mcp };
  Door door = Door::Other;
  std::string tool;        // the client's own tool name (audit log, explain)
  std::string cwd;         // empty: the hook process's directory
  std::string session_id;
  std::string error;       // the payload could not be read: why (decided as a guard-error ask)

  std::string command;              // Shell
  std::vector<WrittenFile> files;   // FileWrite
  std::string mcp_server;           // Mcp: the server's key; empty when the client's name does not separate it
  std::string mcp_tool;             // Mcp: the tool's name (with the server still in front when mcp_server is empty)
  std::string mcp_server_address;   // Mcp: the server's URL or command line, when the client says it
  nlohmann::json input;             // the tool's arguments as the client sent them
  long long duration_ms = -1;       // after the tool ran: how long it took, when the client says
};

// What the after-tool hook tells the agent about the migrations a call wrote.
struct LintFeedback {
  bool errors = false;   // a finding of error severity: the agent must rewrite the migration
  std::string findings;  // the lint findings written for the agent; empty when there are none
  std::string notes;     // what else the agent should know (a broken .pgguard.json, an unreadable payload)
};

// What the hook prints and how it exits.
struct Answer {
  std::string out;
  int exit_code = 0;
};

}  // namespace pgguard
