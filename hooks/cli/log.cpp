#include <ctime>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "hook_io/audit_log.h"
#include "util/environment.h"
#include "util/text.h"

namespace pgguard::cli {
namespace {

// "30m", "2h", "7d" back from now, or an ISO date/time as written in the log.
std::string since_timestamp(const std::string& since) {
  if (!since.empty() && std::isdigit(static_cast<unsigned char>(since[0])) && since.find('-') == std::string::npos) {
    long amount = std::stol(since);
    char unit = since.back();
    long seconds = unit == 'm' ? amount * 60 : unit == 'h' ? amount * 3600 : unit == 'd' ? amount * 86400 : amount;
    return audit::now_iso8601(std::chrono::system_clock::now() - std::chrono::seconds(seconds));
  }
  return since;
}

}  // namespace

int log(const std::vector<std::string>& args) {
  std::string since, decision, project = current_directory();
  bool json = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--since" && i + 1 < args.size()) since = since_timestamp(args[++i]);
    else if (args[i] == "--decision" && i + 1 < args.size()) decision = args[++i];
    else if (args[i] == "--project" && i + 1 < args.size()) project = args[++i];
    else if (args[i] == "--json") json = true;
    else return usage_error("unknown log option '" + args[i] + "'");
  }
  auto env = process_environment();
  if (auto it = env.find("CLAUDE_PROJECT_DIR"); it != env.end() && project == current_directory()) project = it->second;
  std::string path = audit::log_path(project, env);
  if (path.empty()) return 0;  // no home directory, so nothing was logged
  for (const std::string& file : {path + ".1", path}) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      auto entry = nlohmann::json::parse(line, nullptr, false);
      if (entry.is_discarded()) continue;
      if (!since.empty() && entry.value("time", "") < since) continue;
      if (!decision.empty() && entry.value("decision", "") != decision) continue;
      if (json) {
        std::cout << line << "\n";
        continue;
      }
      std::vector<std::string> rules = entry.value("rules", std::vector<std::string>{});
      std::cout << entry.value("time", "") << "  " << entry.value("decision", "") << "  " << join(rules, ",") << "  "
                << shorten(entry.value("subject", ""), 120) << "\n";
    }
  }
  return 0;
}

}  // namespace pgguard::cli
