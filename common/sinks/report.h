#pragma once
#include <optional>
#include <string>
#include <vector>

#include "sinks/cli_catalog.h"
#include "sinks/psql_input.h"

namespace pgguard::sinks {

// A fact about which database a command reaches.
struct TargetSignal {
  // Named: a project, branch, source or server an MCP call names (production when listed in
  // production.mcp_targets or matching a production pattern).
  // ServiceFile: a pg_service.conf named by PGSERVICEFILE, where the services of the other signals
  // are looked up (not a target by itself).
  enum class Kind { Connection, EnvironmentName, DotenvFile, RemoteHost, Named, ServiceFile };
  Kind kind;
  std::string source;  // where it was seen: "DATABASE_URL (hook environment)", "psql -h", "ssh host"
  std::string value;   // may hold a secret: redact before showing
  // Connection: which part of a connection a bare value is ("host", "database"); empty when the
  // value is a URL or conninfo, or when the guard cannot tell.
  std::string part;
};

// SQL that reaches PostgreSQL through psql or pgcli.
struct SqlSink {
  std::string via;                  // "psql -c", "psql stdin (here-document)", "psql -f db/x.sql"
  std::optional<std::string> sql;   // nullopt when the guard cannot read it
  std::string opaque_reason;        // why sql is nullopt, or only partly known
  bool partial = false;             // sql is the statement's shape: some parts are placeholders
  std::vector<PsqlEvent> events;    // meta-command effects
  std::vector<TargetSignal> target;
  // Why the database is a scratch one the command made itself; empty: it is not. Off production,
  // its writes, DDL and drops are not reported.
  std::string scratch;
  std::vector<std::string> scratch_databases;  // created earlier on the same server: DROP DATABASE of them is quiet
};

// A database or migration CLI call, or a package.json script judged by its name.
struct CliCall {
  std::string tool;     // catalog tool name, or "package.json script"
  std::string command;  // the command as the guard resolved it
  CliSubcommand judgement;
  std::vector<TargetSignal> target;
  std::string scratch;  // as SqlSink::scratch: off production the call is not reported
};

struct OpaqueScript {
  std::string what;  // e.g. "bash -c \"$SCRIPT\"", "base64 -d | sh"
};

struct Report {
  std::vector<SqlSink> sql;
  std::vector<CliCall> clis;
  std::vector<OpaqueScript> opaque_scripts;
  std::vector<std::string> config_writes;  // guard or Claude Code settings files written by the command
  std::vector<std::string> sources;        // every shell text analysed (for secret scanning)
  std::vector<std::string> trail;          // what the analysis did: "unwrapped sudo", "resolved npm run db:reset"
  std::string shell_error;                 // set when the command does not parse
  bool budget_exhausted = false;
};

// What a tool call that runs no shell command reports: nothing.
inline const Report kNoShellReport{};

}  // namespace pgguard::sinks
