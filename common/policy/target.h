#pragma once
#include <string>
#include <vector>

#include "policy/config.h"
#include "sinks/report.h"

namespace pgguard::target {

struct Assessment {
  bool production = false;
  std::string evidence;  // redacted: which signal says production
  std::string pooler;    // which connection goes through a transaction-mode pooler (no secrets); empty: none
};

// Whether any signal marks the target as production (unknown targets are not production).
Assessment assess(const std::vector<sinks::TargetSignal>& signals, const Policy& policy);

}  // namespace pgguard::target
