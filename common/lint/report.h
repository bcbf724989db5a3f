#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "lint/linter.h"

namespace pgguard::lint {

enum class Format { Text, Json, Sarif, Github, Gitlab };
bool parse_format(const std::string& name, Format& format);

// Writes findings as the files are linted: text like a compiler (colour only when asked), JSON
// {"findings": [...]}, SARIF 2.1.0, GitHub workflow commands, GitLab code quality. Every format
// but SARIF (whose rule list comes first) writes each file's findings as they arrive, so memory
// does not grow with the size of the report.
class ReportWriter {
 public:
  ReportWriter(std::ostream& out, Format format, bool colour);
  void add(const std::vector<LintFinding>& findings);
  void finish();  // closes the JSON document; writes SARIF

 private:
  std::ostream& out_;
  Format format_;
  bool colour_;
  size_t written_ = 0;
  std::vector<LintFinding> sarif_findings_;
};

// All of a report at once, through ReportWriter.
std::string render(const std::vector<LintFinding>& findings, Format format, bool colour);

// The text form the PostToolUse hook hands Claude: each finding with rule, line, statement,
// fact and the fix.
std::string render_for_agent(const std::vector<LintFinding>& findings, const std::string& path);

}  // namespace pgguard::lint
