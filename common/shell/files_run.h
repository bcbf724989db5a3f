#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pgguard::shell {

// The files a command line may run, found without parsing it: words in command position that name
// a file by path (./x.sh, bin/x), and the first non-option word after a program that runs files
// (`python3 tools/x.py`, `bash x`), as told by runs_files. Also the directories named by `cd` and
// `-C`/`--directory`, since later paths are relative to them. A cheap over-approximation for the prefilter, at most `limit`.
struct FilesRun {
  std::vector<std::string> files;
  std::vector<std::string> directories;  // cd targets, in order
  std::vector<std::string> programs;     // every word in command position
};
FilesRun files_run(std::string_view command, const std::function<bool(std::string_view)>& runs_files, size_t limit = 8);

}  // namespace pgguard::shell
