#include "guard/mcp_door.h"

#include <algorithm>

#include "guard/facts.h"
#include "guard/file_door.h"
#include "sinks/mcp_call.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard {
namespace {

// An MCP call carries no command to prefix with PGGUARD_CONFIRM: the confirmed path is a human's.
constexpr char kMcpConfirmHint[] =
    " If the human explicitly asked for this: take a backup first (pg_dump --format=custom "
    "--file=backups/$(date +%Y%m%d-%H%M%S).dump \"$DATABASE_URL\"), then ask the human to do it themselves; an agent's MCP "
    "call cannot be confirmed.";

// An unknown tool's SQL-like field counts only when every statement in it parses.
bool parses_as_sql(const GuardFacts& facts) {
  return !facts.sql.empty() && std::all_of(facts.sql.begin(), facts.sql.end(), [](const SqlCheck& check) {
    return !check.statements.empty() && std::none_of(check.statements.begin(), check.statements.end(), [](const sql::Statement& s) {
      return std::any_of(s.facts.begin(), s.facts.end(), [](const sql::Fact& f) { return f.kind == sql::FactKind::ParseError; });
    });
  });
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
}

// The reason in the MCP server's terms: no shell confirmation, and the server's own safe workflow.
void speak_for_mcp(Decision& decision, const sinks::McpSinks& found) {
  if (decision.verdict < Verdict::Ask) return;
  for (auto& f : decision.findings) replace_all(f.message, kConfirmHint, kMcpConfirmHint);
  replace_all(decision.reason, kConfirmHint, kMcpConfirmHint);
  if (!found.workflow.empty()) decision.reason += "\nWith " + found.server_label + ": " + found.workflow + ".";
}

}  // namespace

bool mcp_call_may_reach_database(const ToolCall& call) {
  try {
    sinks::McpCall mcp{call.tool, call.mcp_server, call.mcp_tool, call.mcp_server_address, &call.input};
    return sinks::find_mcp_sinks(mcp, sinks::builtin_mcp_catalog()).database;
  } catch (const std::exception&) {
    return true;  // the analysis reports the failure
  }
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
    // Only a tool that runs a project's own migrations (Prisma's migrate-dev) reads that project:
    // its pending migrations are linted and its pooler settings apply.
    std::string project = found.project_dir.empty() ? "" : resolve_path(cwd, found.project_dir);
    analysis.facts = gather(*analysis.report, policy, budget, project, !project.empty());
    if (found.unverified && !parses_as_sql(analysis.facts)) {
      analysis.facts = GuardFacts{};
      analysis.prefiltered = true;
      return analysis;
    }
    for (const auto& [name, text] : found.migrations) lint_applied_migration(analysis.facts, name + ".sql", text, cwd);
    analysis.decision = decide(analysis.facts, policy, {}, {cwd, "", std::chrono::system_clock::now()});
    speak_for_mcp(analysis.decision, found);
  } catch (const std::exception& e) {
    analysis.decision = guard_error_decision(std::string("internal error: ") + e.what(), policy);
  }
  return analysis;
}

}  // namespace pgguard
