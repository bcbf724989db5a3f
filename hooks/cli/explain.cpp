#include <iostream>

#include "cli/cli.h"
#include "guard/explain.h"
#include "hook_io/hook_io.h"
#include "lint/project.h"
#include "util/environment.h"

namespace pgguard::cli {

int explain(const std::vector<std::string>& args) {
  bool json = false;
  std::string file, cwd;
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json") json = true;
    else if (args[i] == "--file" && i + 1 < args.size()) file = args[++i];
    else if (args[i] == "--cwd" && i + 1 < args.size()) cwd = args[++i];
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
