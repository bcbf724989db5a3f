#include <iostream>
#include <set>

#include "cli/cli.h"
#include "guard/guard.h"
#include "hook_io/hook_io.h"
#include "util/environment.h"

namespace pgguard::cli {
namespace {

// The verdict as the exit status, so scripts can branch on it: 0 nothing or allow, 1 deny, 3 ask
// (2 stays the usage error of every command).
int exit_status(Verdict verdict) {
  switch (verdict) {
    case Verdict::Deny: return 1;
    case Verdict::Ask: return 3;
    case Verdict::None:
    case Verdict::Allow: return 0;
  }
  return 0;
}

}  // namespace

int check_command(const std::vector<std::string>& args) {
  GuardRequest request;
  bool json = false;
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json") json = true;
    else if (args[i] == "--cwd" && i + 1 < args.size()) request.cwd = args[++i];
    else if (args[i].rfind("--cwd=", 0) == 0) request.cwd = args[i].substr(6);
    else positional.push_back(args[i]);
  }
  if (positional.size() != 1) return usage_error("check-command takes exactly one command string");
  request.command = positional[0];
  request.env = process_environment();
  if (request.cwd.empty()) request.cwd = current_directory();
  if (auto it = request.env.find("CLAUDE_PROJECT_DIR"); it != request.env.end()) request.project_dir = it->second;
  Policy policy = load_policy(request.cwd, request.project_dir);
  Decision decision = check_command(request, policy);

  std::vector<std::string> rules;
  std::set<std::string> seen;
  for (const auto& f : decision.findings)
    if (seen.insert(f.rule).second) rules.push_back(f.rule);
  if (json) {
    nlohmann::json out = {{"decision", std::string(verdict_name(decision.verdict))}, {"rules", rules}, {"reason", decision.reason}};
    if (!decision.updated_command.empty()) out["updated_command"] = decision.updated_command;
    std::cout << hook_io::dump(out) << "\n";
    return exit_status(decision.verdict);
  }
  std::cout << verdict_name(decision.verdict);
  for (const auto& r : rules) std::cout << " " << r;
  std::cout << "\n";
  if (!decision.reason.empty()) std::cout << decision.reason << "\n";
  return exit_status(decision.verdict);
}

}  // namespace pgguard::cli
