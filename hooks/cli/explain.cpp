#include <iostream>

#include "cli/cli.h"
#include "clients/client.h"
#include "guard/explain.h"
#include "guard/pre_tool_use.h"
#include "hook_io/hook_io.h"
#include "lint/project.h"
#include "util/environment.h"

namespace pgguard::cli {

namespace {

// A tool call as Claude Code would send it (mcp__<server>__<tool>, Write, Edit, Bash), through the
// same door the hook uses.
int explain_tool_call(const std::string& tool, const std::string& input, const std::string& cwd, bool json) {
  nlohmann::json arguments = nlohmann::json::parse(input, nullptr, false);
  if (arguments.is_discarded() || !arguments.is_object()) return usage_error("--input must be a JSON object: the tool's arguments");
  ToolCall call = find_client("claude")->adapt({{"tool_name", tool}, {"tool_input", arguments}, {"cwd", cwd}});
  if (!call.error.empty()) return usage_error(call.error);
  auto env = process_environment();
  std::string project_dir = env.count("CLAUDE_PROJECT_DIR") ? env["CLAUDE_PROJECT_DIR"] : "";
  Analysis analysis = analyse_tool_call(call, env, cwd, load_policy(cwd, project_dir));
  auto e = explain_command(tool + " " + arguments.dump(), analysis);
  std::cout << (json ? hook_io::dump(e) + "\n" : explain_text(e));
  return 0;
}

}  // namespace

int explain(const std::vector<std::string>& args) {
  bool json = false;
  std::string file, cwd, tool, input;
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json") json = true;
    else if (args[i] == "--file" && i + 1 < args.size()) file = args[++i];
    else if (args[i] == "--cwd" && i + 1 < args.size()) cwd = args[++i];
    else if (args[i] == "--tool" && i + 1 < args.size()) tool = args[++i];
    else if (args[i] == "--input" && i + 1 < args.size()) input = args[++i];
    else positional.push_back(args[i]);
  }
  if (cwd.empty()) cwd = current_directory();
  if (!file.empty()) {
    if (!positional.empty()) return usage_error("explain takes a command or --file, not both");
    size_t slash = file.find_last_of('/');
    lint::LintProject project = lint::load_lint_project(slash == std::string::npos ? cwd : file.substr(0, slash));
    auto e = explain_migration(file, project.options);
    std::cout << (json ? hook_io::dump(e) + "\n" : explain_migration_text(e));
    return e.contains("error") ? 2 : 0;
  }
  if (!tool.empty()) {
    if (!positional.empty() || !file.empty()) return usage_error("explain takes --tool NAME --input JSON, a command or --file, one of them");
    return explain_tool_call(tool, input.empty() ? "{}" : input, cwd, json);
  }
  if (!input.empty()) return usage_error("--input goes with --tool NAME");
  if (positional.size() != 1) return usage_error("explain takes exactly one command string (or --file <migration>)");
  GuardRequest request;
  request.command = positional[0];
  request.cwd = cwd;
  request.env = process_environment();
  if (auto it = request.env.find("CLAUDE_PROJECT_DIR"); it != request.env.end()) request.project_dir = it->second;
  Analysis analysis = analyse_command(request, load_policy(request.cwd, request.project_dir));
  auto e = explain_command(request.command, analysis);
  std::cout << (json ? hook_io::dump(e) + "\n" : explain_text(e));
  return 0;
}

}  // namespace pgguard::cli
