#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "shell/parser.h"
#include "sinks/cli_catalog.h"
#include "sinks/report.h"
#include "util/budget.h"

namespace pgguard::sinks {

struct FindContext {
  std::string cwd;                          // the payload's cwd: relative files are read from here
  std::map<std::string, std::string> env;   // the hook process's environment
  // Loaded on first use: most commands never reach a catalog lookup.
  std::function<const CliCatalog&()> catalog;
  const Budget* budget = nullptr;
  std::vector<std::string> connection_variables;   // DATABASE_URL, PGHOST, ...
  std::vector<std::string> environment_variables;  // NODE_ENV, RAILS_ENV, ...
  std::vector<std::string> direct_variables;       // DIRECT_URL, ...: read from the project's .env like DATABASE_URL
  size_t max_file_bytes = 1 << 20;
  int max_depth = 8;  // nested shells, package scripts, eval
  int max_files = 32;  // programs, scripts and recipe files read for one command
};

// Reports every place a Bash command, already parsed, reaches SQL or a database CLI.
Report find(const shell::ParseResult& parsed, std::string_view command, const FindContext& context);

}  // namespace pgguard::sinks
