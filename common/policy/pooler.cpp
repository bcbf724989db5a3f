#include "policy/pooler.h"

#include <algorithm>
#include <sstream>

#include "util/text.h"

namespace pgguard::target {
namespace {

struct Endpoint {
  std::string host;
  int port = 5432;  // libpq's default
};

bool all_digits(const std::string& text) {
  return !text.empty() && text.size() <= 5 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The first host and its port of a postgres:// (or jdbc:postgresql://) URL or a "host=... port=..." string.
Endpoint endpoint_of(const std::string& connection) {
  Endpoint e;
  size_t scheme = connection.find("://");
  if (scheme != std::string::npos) {
    size_t start = scheme + 3, end = connection.find_first_of("/?", start);
    std::string authority = connection.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (size_t at = authority.rfind('@'); at != std::string::npos) authority = authority.substr(at + 1);
    authority = authority.substr(0, authority.find(','));  // several hosts: the first
    size_t colon = authority.rfind(':');
    if (colon != std::string::npos && all_digits(authority.substr(colon + 1))) {
      e.port = std::stoi(authority.substr(colon + 1));
      authority = authority.substr(0, colon);
    }
    e.host = to_lower(authority);
    return e;
  }
  std::istringstream words(connection);
  for (std::string word; words >> word;) {
    std::string key = to_lower(word.substr(0, word.find('=')));
    std::string value = word.find('=') == std::string::npos ? "" : word.substr(word.find('=') + 1);
    if (key == "host") e.host = to_lower(value);
    if (key == "port" && all_digits(value)) e.port = std::stoi(value);
  }
  return e;
}

}  // namespace

std::string pooler_sign(const std::string& connection, const PoolerDetection& detection) {
  Endpoint e = endpoint_of(connection);
  for (const auto& session : detection.session_mode_endpoints) {
    size_t colon = session.rfind(':');
    if (colon != std::string::npos && ends_with(e.host, session.substr(0, colon)) && std::to_string(e.port) == session.substr(colon + 1))
      return "";
  }
  std::string lower = to_lower(connection);
  for (const auto& parameter : detection.url_parameters)
    if (lower.find(parameter) != std::string::npos) return parameter;
  if (std::count(detection.ports.begin(), detection.ports.end(), e.port)) return "port " + std::to_string(e.port);
  if (!e.host.empty() && detection.host_pattern && RE2::PartialMatch(e.host, *detection.host_pattern)) return "host " + e.host;
  return "";
}

std::string pooled_connection(const std::vector<sinks::TargetSignal>& signals, const PoolerDetection& detection) {
  std::string found;
  for (const auto& signal : signals) {
    if (signal.kind != sinks::TargetSignal::Kind::Connection) continue;
    std::string sign = pooler_sign(signal.value, detection);
    std::string variable = signal.source.substr(0, signal.source.find(' '));
    bool direct = std::count(detection.direct_variables.begin(), detection.direct_variables.end(), variable) > 0;
    if (direct && sign.empty()) return "";
    if (found.empty() && !sign.empty()) found = signal.source + ": " + sign;
  }
  return found;
}

}  // namespace pgguard::target
