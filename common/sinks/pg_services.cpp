#include "sinks/pg_services.h"

#include <re2/re2.h>

#include "util/text.h"

namespace pgguard::sinks {

std::optional<std::string> service_name(const TargetSignal& signal) {
  if (signal.kind != TargetSignal::Kind::Connection) return std::nullopt;
  if (starts_with(signal.source, "PGSERVICE ")) return trim(signal.value);
  static const RE2 conninfo(R"((?:^|[\s?&])service\s*=\s*'?([A-Za-z0-9_.\-]+))");
  std::string name;
  if (RE2::PartialMatch(signal.value, conninfo, &name)) return name;
  return std::nullopt;
}

std::optional<std::string> service_conninfo(const std::string& file_text, const std::string& name) {
  bool in_section = false, found = false;
  std::string conninfo;
  for (const std::string& raw : split_lines(file_text)) {
    std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '[') {
      in_section = line == "[" + name + "]";
      found = found || in_section;
      continue;
    }
    size_t eq = line.find('=');
    if (!in_section || eq == std::string::npos) continue;
    std::string key = trim(line.substr(0, eq));
    if (key == "password") continue;  // never carried into a reason
    conninfo += (conninfo.empty() ? "" : " ") + key + "=" + trim(line.substr(eq + 1));
  }
  if (!found) return std::nullopt;
  return conninfo;
}

bool is_password_file(const std::string& path) {
  std::string name = base_name(path);
  return name == ".pgpass" || name == "pgpass" || name == "pgpass.conf" || ends_with(name, ".pgpass");
}

std::vector<std::string> password_file_hosts(const std::string& file_text) {
  std::vector<std::string> hosts;
  for (const std::string& raw : split_lines(file_text)) {
    std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    std::string host;
    for (size_t i = 0; i < line.size() && line[i] != ':'; ++i) {
      if (line[i] == '\\' && i + 1 < line.size()) ++i;  // \: and \\ are literal
      host += line[i];
    }
    if (!host.empty() && host != "*") hosts.push_back(host);
  }
  return hosts;
}

}  // namespace pgguard::sinks
