#include "policy/target.h"

#include <algorithm>

#include "util/secrets.h"
#include "policy/pooler.h"
#include "util/text.h"

namespace pgguard::target {
namespace {

// Drops URL userinfo so a password never decides (or shows up in) the verdict.
std::string without_userinfo(const std::string& value) {
  size_t scheme = value.find("://");
  if (scheme == std::string::npos) return value;
  size_t at = value.find('@', scheme + 3);
  size_t slash = value.find('/', scheme + 3);
  if (at == std::string::npos || (slash != std::string::npos && slash < at)) return value;
  return value.substr(0, scheme + 3) + value.substr(at + 1);
}

bool matches_any(const std::string& text, const Policy& policy) {
  return std::any_of(policy.production_patterns.begin(), policy.production_patterns.end(),
                     [&](const std::shared_ptr<RE2>& re) { return RE2::PartialMatch(text, *re); });
}

}  // namespace

Assessment assess(const std::vector<sinks::TargetSignal>& signals, const Policy& policy) {
  Assessment result;
  result.pooler = pooled_connection(signals, policy.pooler_detection);
  for (const auto& signal : signals) {
    bool production = false;
    std::string shown = redact(without_userinfo(signal.value));
    switch (signal.kind) {
      case sinks::TargetSignal::Kind::EnvironmentName: {
        std::string value = to_lower(trim(signal.value));
        production = std::find(policy.environment_names.begin(), policy.environment_names.end(), value) != policy.environment_names.end();
        break;
      }
      case sinks::TargetSignal::Kind::DotenvFile:
        production = matches_any(base_name(signal.value), policy);
        break;
      case sinks::TargetSignal::Kind::Named: {
        std::string value = to_lower(trim(signal.value));
        production = std::find(policy.mcp_targets.begin(), policy.mcp_targets.end(), value) != policy.mcp_targets.end() ||
                     matches_any(signal.value, policy);
        break;
      }
      case sinks::TargetSignal::Kind::Connection:
      case sinks::TargetSignal::Kind::RemoteHost:
        production = matches_any(without_userinfo(signal.value), policy);
        break;
      case sinks::TargetSignal::Kind::ServiceFile:
        break;
    }
    if (production) {
      result.production = true;
      result.evidence = signal.source + " = " + shorten(shown, 120);
      return result;
    }
  }
  return result;
}

}  // namespace pgguard::target
