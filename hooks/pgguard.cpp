// pgguard: the command-line front door to the same engine the hooks use.
#include <cstdio>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "guard/guard.h"
#include "hook_io/hook_io.h"
#include "policy/guard_rule.h"
#include "util/environment.h"

namespace {

const char kUsage[] =
    "usage: pgguard <command> [options]\n"
    "\n"
    "commands:\n"
    "  check-command \"<cmd>\" [--cwd DIR] [--json]\n"
    "        decide on a Bash command as the PreToolUse hook would; prints the decision,\n"
    "        the rule ids and the reason\n"
    "  rules             list the guard rules with their default verdicts\n"
    "  --help            this text\n"
    "  --version         the version\n"
    "\n"
    "exit status: 0 when the decision was printed, 2 on a usage error\n";

int usage_error(const std::string& message) {
  std::cerr << "pgguard: " << message << "\n\n" << kUsage;
  return 2;
}

int check_command(const std::vector<std::string>& args) {
  pgguard::GuardRequest request;
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
  request.env = pgguard::process_environment();
  if (request.cwd.empty()) request.cwd = pgguard::current_directory();
  if (auto it = request.env.find("CLAUDE_PROJECT_DIR"); it != request.env.end()) request.project_dir = it->second;
  pgguard::Policy policy = pgguard::load_policy(request.cwd, request.project_dir);
  pgguard::Decision decision = pgguard::check_command(request, policy);

  std::vector<std::string> rules;
  std::set<std::string> seen;
  for (const auto& f : decision.findings)
    if (seen.insert(f.rule).second) rules.push_back(f.rule);
  if (json) {
    nlohmann::json out = {{"decision", std::string(pgguard::verdict_name(decision.verdict))}, {"rules", rules}, {"reason", decision.reason}};
    if (!decision.updated_command.empty()) out["updated_command"] = decision.updated_command;
    std::cout << pgguard::hook_io::dump(out) << "\n";
    return 0;
  }
  std::cout << pgguard::verdict_name(decision.verdict);
  for (const auto& r : rules) std::cout << " " << r;
  std::cout << "\n";
  if (!decision.reason.empty()) std::cout << decision.reason << "\n";
  return 0;
}

int list_rules() {
  pgguard::Policy policy = pgguard::builtin_policy();
  for (const auto& rule : pgguard::guard_rules()) {
    auto setting = policy.rules.at(std::string(rule->id()));
    std::string verdict(pgguard::verdict_name(setting.verdict));
    if (setting.verdict == pgguard::Verdict::None) verdict = "off";
    if (setting.confirmable) verdict += ", confirmable";
    std::printf("%-26s %-18s %s\n", std::string(rule->id()).c_str(), verdict.c_str(), std::string(rule->summary()).c_str());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("no command given");
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << kUsage;
      return 0;
    }
    if (command == "--version" || command == "version") {
      std::cout << "pgguard " << PGGUARD_VERSION << "\n";
      return 0;
    }
    if (command == "check-command") return check_command(args);
    if (command == "rules") return list_rules();
  } catch (const std::exception& e) {
    std::cerr << "pgguard: " << e.what() << "\n";
    return 2;
  }
  return usage_error("unknown command '" + command + "'");
}
