#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "lint/discover.h"
#include "lint/inventory.h"
#include "lint/project.h"
#include "server/bookkeeping.h"
#include "util/environment.h"

namespace pgguard::cli {

int migrations(const std::vector<std::string>& args) {
  using namespace pgguard::lint;
  std::string cwd = current_directory();
  std::vector<std::string> paths;
  std::string url;
  bool json = false;
  std::optional<Tool> tool;
  for (size_t i = 0; i < args.size(); ++i) {
    if (auto v = option_value(args, i, "database-url")) {
      url = *v;
    } else if (auto v = option_value(args, i, "format")) {
      if (*v != "json" && *v != "text") return usage_error("unknown --format '" + *v + "'");
      json = *v == "json";
    } else if (auto v = option_value(args, i, "tool")) {
      tool = parse_tool(*v);
      if (!tool) return usage_error("unknown --tool '" + *v + "'");
    } else if (args[i] == "--json") {
      json = true;
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      return usage_error("unknown migrations option '" + args[i] + "'");
    } else {
      paths.push_back(args[i]);
    }
  }
  if (!url.empty() && server::has_password(url))
    return usage_error("--database-url carries a password, which would show in the process list and the shell history: put it in "
                       "~/.pgpass or PGPASSWORD instead");
  LintProject project = load_lint_project(cwd);
  if (!tool) tool = project.options.tool;
  LintPaths given = command_migrations(paths, cwd, project.root, project.migration_globs);
  if (!given.error.empty()) {
    std::cerr << "pgguard: " << given.error << "\n";
    return 2;
  }
  std::vector<MigrationInfo> list = migration_inventory(given.files, tool);
  if (!url.empty()) {
    server::Connection connection(url);
    server::read_applied(list, connection);
  }
  if (json) {
    nlohmann::json out = {{"root", project.root}, {"migrations", nlohmann::json::array()}};
    for (const auto& m : list) {
      nlohmann::json item = {{"path", m.path},           {"tool", tool_name(m.tool)}, {"direction", m.direction},
                             {"transaction", transaction_name(m.transaction)}, {"state", m.state}};
      if (!m.bookkeeping_name.empty()) item["recorded_as"] = m.bookkeeping_name;
      if (m.applied) item["applied"] = *m.applied;
      out["migrations"].push_back(item);
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  for (const auto& m : list) {
    std::cout << m.path << "  " << tool_name(m.tool) << "  " << m.direction << "  " << transaction_name(m.transaction) << "  " << m.state;
    if (m.applied) std::cout << "  " << (*m.applied ? "applied" : "pending");
    std::cout << "\n";
  }
  if (list.empty()) std::cerr << "pgguard: no migrations under " << project.root << " (looked for " << layout_summary() << ")\n";
  return 0;
}

}  // namespace pgguard::cli
