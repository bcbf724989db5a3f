#pragma once
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "guard/decide.h"
#include "policy/config.h"
#include "policy/guard_rule.h"
#include "policy/verdict.h"
#include "sinks/cli_catalog.h"

namespace pgguard {

struct GuardRequest {
  std::string command;
  std::string cwd;
  std::string project_dir;                 // $CLAUDE_PROJECT_DIR, also searched for backups
  std::map<std::string, std::string> env;  // the hook process's environment
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
  bool mentions_database = false;  // the caller's prefilter already found a mention: not run again
};

// Whether a command mentions anything database-related (the needles in config/policy.json,
// case- and quote-insensitive). Commands that do not get no analysis and no answer.
bool mentions_database(std::string_view command);
// The same, or a file the command runs (a script by path, an interpreter's file, a task runner's
// recipe file, relative to cwd or an earlier `cd`) mentions something in its first 64 KiB.
bool mentions_database(std::string_view command, const std::string& cwd);

// The catalog compiled in from config/cli_catalog.json.
const sinks::CliCatalog& builtin_catalog();

// Every stage of one decision, for `pgguard explain`.
struct Analysis {
  bool prefiltered = false;  // nothing database-related was mentioned: nothing was analysed
  std::string analysed_command;
  std::unique_ptr<sinks::Report> report;
  GuardFacts facts;  // points into *report
  Decision decision;
};

// Runs the whole pipeline on one Bash command. Never throws: internal failures become an ask.
Analysis analyse_command(const GuardRequest& request, const Policy& policy);

// The decision alone, as the hook answers it.
Decision check_command(const GuardRequest& request, const Policy& policy);

}  // namespace pgguard
