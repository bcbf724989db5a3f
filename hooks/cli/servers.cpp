// pgguard server install|list: PostgreSQL server binaries of other majors for trace, verify-down
// and the lock-model test.
#include <cstdlib>
#include <iostream>

#include "cli/cli.h"
#include "server/connection.h"
#include "server/servers.h"

namespace pgguard::cli {

int server(const std::vector<std::string>& args) {
  if (args.empty()) return usage_error("server takes install <major>... or list");
  if (args[0] == "list") {
    if (args.size() > 1) return usage_error("server list takes no arguments");
    auto installed = server::installed_servers();
    if (installed.empty()) std::cout << "no servers installed in " << server::servers_directory() << "\n";
    for (const auto& s : installed) std::cout << s.major << "  PostgreSQL " << s.version << "  " << s.bin_dir << "\n";
    return 0;
  }
  if (args[0] != "install") return usage_error("unknown server command '" + args[0] + "'");
  if (args.size() < 2) return usage_error("server install takes one or more majors (16 17 18)");
  std::vector<int> majors;
  for (size_t i = 1; i < args.size(); ++i) {
    int major = std::atoi(args[i].c_str());
    if (std::to_string(major) != args[i]) return usage_error("server install takes majors (16 17 18), not '" + args[i] + "'");
    majors.push_back(major);
  }
  int status = 0;
  for (int major : majors) {
    try {
      server::install_server(major, [](const std::string& line) { std::cout << line << "\n" << std::flush; });
    } catch (const server::ServerError& e) {
      std::cerr << "pgguard: PostgreSQL " << major << " not installed: " << e.what() << "\n";
      status = 1;
    }
  }
  return status;
}

}  // namespace pgguard::cli
