#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "lint/linter.h"
#include "lint/parse.h"

namespace pgguard::lint {

// A convention the project never stated (no CLAUDE.md line, not turned on, no severity of its
// own): the report says it once per run, as information, not for every table.
bool unstated_convention(const std::string& rule, const LintOptions& options);

// The findings of one file as its statements are linted: the file's pgguard-ignore comments are
// applied as each finding comes, and of a convention the project never stated only the finding the
// report would keep is held (the first by line), or none when an earlier file of the run already
// said it. A large file keeps no finding that the report would drop.
class FileFindings {
 public:
  // `said`: the unstated conventions earlier files of the run already reported.
  FileFindings(const ParsedMigration& parsed, const LintOptions& options, const std::set<std::string>& said);

  // `statement`: the index of the statement it is about, npos for the file.
  void add(LintFinding finding, size_t statement);
  // False when every finding of the rule in this file would be dropped and no ignore comment names
  // it: the rule need not run.
  bool wanted(const std::string& rule) const;
  // The findings sorted by line, with an unused-ignore finding for each ignore that suppressed nothing.
  std::vector<LintFinding> take();

 private:
  struct Ignore {
    std::vector<std::string> rules;
    std::string reason;
    bool whole_file = false;
    int line = 1;
    size_t applies_to = std::string::npos;  // statement index for next-statement ignores
    bool used = false;
  };

  const LintOptions& options_;
  std::string path_;
  const std::set<std::string>& said_;
  std::vector<Ignore> ignores_;
  std::vector<LintFinding> findings_;
  std::map<std::string, size_t> convention_kept_;  // unstated convention -> index of its finding in findings_

  void read_ignores(const ParsedMigration& parsed);
  bool suppressed(const std::string& rule, size_t statement);
};

}  // namespace pgguard::lint
