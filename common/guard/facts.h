#pragma once
#include <string>

#include "policy/config.h"
#include "policy/guard_rule.h"
#include "sinks/report.h"
#include "util/budget.h"

namespace pgguard {

// The facts the guard rules read, from what a door found: SQL classified, targets assessed, secrets
// found, and before a migration run the lint of the project's pending migrations (unless the run
// applies migration text of its own: lint_pending false).
GuardFacts gather(const sinks::Report& report, const Policy& policy, const Budget& budget, const std::string& cwd, bool lint_pending = true);

// Lints migration text a call applies (an MCP apply_migration) into facts.pending, as the project
// at `cwd` would lint a new migration file named `name`.
void lint_applied_migration(GuardFacts& facts, const std::string& name, const std::string& text, const std::string& cwd);

}  // namespace pgguard
