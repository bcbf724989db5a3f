#include "guard/mcp_door.h"

#include <algorithm>

#include "guard/facts.h"
#include "guard/file_door.h"
#include "sinks/mcp_call.h"
#include "util/text.h"

namespace pgguard {
namespace {

// An unknown tool's SQL-like field counts only when every statement in it parses.
bool parses_as_sql(const GuardFacts& facts) {
  return !facts.sql.empty() && std::all_of(facts.sql.begin(), facts.sql.end(), [](const SqlCheck& check) {
    return !check.statements.empty() && std::none_of(check.statements.begin(), check.statements.end(), [](const sql::Statement& s) {
      return std::any_of(s.facts.begin(), s.facts.end(), [](const sql::Fact& f) { return f.kind == sql::FactKind::ParseError; });
    });
  });
}

}  // namespace

bool reaches_database(const ToolCall& call) {
  sinks::McpCall mcp{call.tool, call.mcp_server, call.mcp_tool, call.mcp_server_address, &call.input};
  return sinks::find_mcp_sinks(mcp, sinks::builtin_mcp_catalog()).database;
}

Analysis analyse_mcp_call(const ToolCall& call, const std::string& cwd, const Policy& policy) {
  Analysis analysis;
  try {
    sinks::McpCall mcp{call.tool, call.mcp_server, call.mcp_tool, call.mcp_server_address, &call.input};
    sinks::McpSinks found = sinks::find_mcp_sinks(mcp, sinks::builtin_mcp_catalog());
    if (!found.database) {
      analysis.prefiltered = true;
      return analysis;
    }
    if (!found.files.empty()) {
      std::vector<WrittenFile> files;
      for (auto& [path, text] : found.files) files.push_back({path, text});
      return analyse_file_write(files, cwd, policy);
    }
    analysis.analysed_command = call.tool;
    for (const auto& sink : found.report.sql)
      if (sink.sql) analysis.analysed_command += " " + shorten(*sink.sql, 200);
    Budget budget{std::chrono::milliseconds(policy.limits.budget_ms)};
    analysis.report = std::make_unique<sinks::Report>(std::move(found.report));
    analysis.facts = gather(*analysis.report, policy, budget, cwd, found.migrations.empty());
    if (found.unverified && !parses_as_sql(analysis.facts)) {
      analysis.facts = GuardFacts{};
      analysis.prefiltered = true;
      return analysis;
    }
    for (const auto& [name, text] : found.migrations) lint_applied_migration(analysis.facts, name + ".sql", text, cwd);
    analysis.decision = decide(analysis.facts, policy, {}, {cwd, "", std::chrono::system_clock::now()});
  } catch (const std::exception& e) {
    analysis.decision = guard_error_decision(std::string("internal error: ") + e.what(), policy);
  }
  return analysis;
}

}  // namespace pgguard
