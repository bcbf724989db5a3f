#include "support/servers.h"

#include <map>

#include "server/connection.h"
#include "server/servers.h"

namespace pgguard::testing {

std::string server_bin_dir(int major, std::string& why_not) {
  static std::map<int, std::string> failures;  // one install attempt per major and run
  if (auto failed = failures.find(major); failed != failures.end()) {
    why_not = failed->second;
    return "";
  }
  try {
    return server::find_server_bin_dir(major);
  } catch (const server::ServerError&) {
  }
  try {
    return server::install_server(major, [](const std::string&) {}).bin_dir;
  } catch (const server::ServerError& e) {
    why_not = failures[major] = e.what();
    return "";
  }
}

}  // namespace pgguard::testing
