#pragma once
#include <string>
#include <vector>

#include "lint/linter.h"

namespace pgguard::lint {

enum class Format { Text, Json, Sarif, Github, Gitlab };
bool parse_format(const std::string& name, Format& format);

// Renders findings: text like a compiler (colour only when asked), JSON {"findings": [...]},
// SARIF 2.1.0, GitHub workflow commands, GitLab code quality.
std::string render(const std::vector<LintFinding>& findings, Format format, bool colour);

// The text form the PostToolUse hook hands Claude: each finding with rule, line, statement,
// fact and the fix.
std::string render_for_agent(const std::vector<LintFinding>& findings, const std::string& path);

}  // namespace pgguard::lint
