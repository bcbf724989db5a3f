#pragma once
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "sinks/mcp_catalog.h"
#include "sinks/report.h"

namespace pgguard::sinks {

struct McpCall {
  std::string label;    // the tool's name as the client gave it, shown in reasons
  std::string server;   // may be empty (see McpCatalog::match)
  std::string tool;
  std::string address;  // the server's URL or command line, when known
  const nlohmann::json* input = nullptr;
};

// What an MCP call does to a database.
struct McpSinks {
  bool database = false;  // false: not a database tool; the guard has no opinion
  bool unverified = false;  // an unknown tool's SQL-like field: judged only if it parses as SQL
  Report report;          // SQL it runs (sinks), named operations and migration applies (CLI calls)
  std::vector<std::pair<std::string, std::string>> migrations;  // name, text: migrations it applies
  std::string project_dir;  // a migration tool that applies the pending migrations of this folder (Prisma's projectCWD)
  std::vector<std::pair<std::string, std::string>> files;       // path, text: files it writes
  std::string server_label;  // "Supabase", "Neon"; empty when the server is not a known family
  std::string workflow;      // that server's own safe way to change a database
};

McpSinks find_mcp_sinks(const McpCall& call, const McpCatalog& catalog);

}  // namespace pgguard::sinks
