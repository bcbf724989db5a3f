#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "guard/guard.h"
#include "lint/linter.h"

namespace pgguard {

// The step-by-step account of one guard decision: shell parse, unwrapped wrappers, sinks, SQL
// statements and their classes, target signals, rules fired, decision. Secrets are redacted.
nlohmann::json explain_command(const std::string& command, const Analysis& analysis);
std::string explain_text(const nlohmann::json& explanation);

// The same for a migration: tool, sections and transaction modes, history replayed, statements
// with their lock forms, findings.
nlohmann::json explain_migration(const std::string& path, const lint::LintOptions& options);
std::string explain_migration_text(const nlohmann::json& explanation);

}  // namespace pgguard
