#include "shell/files_run.h"

#include <cctype>

namespace pgguard::shell {
namespace {

bool separator(char c) { return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '\n' || c == '`'; }

std::string base_of(const std::string& word) {
  size_t slash = word.find_last_of('/');
  return slash == std::string::npos ? word : word.substr(slash + 1);
}

}  // namespace

FilesRun files_run(std::string_view command, const std::function<bool(std::string_view)>& runs_files, size_t limit) {
  FilesRun out;
  bool command_position = true, after_cd = false;
  std::string runner;  // the program whose first file-like argument may be a file it runs
  size_t i = 0;
  while (i < command.size() && out.files.size() < limit) {
    char c = command[i];
    if (separator(c)) {
      command_position = true;
      after_cd = false;
      runner.clear();
      ++i;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    std::string word;  // quotes are dropped: "./x.sh" runs ./x.sh
    for (; i < command.size() && !std::isspace(static_cast<unsigned char>(command[i])) && !separator(command[i]); ++i)
      if (command[i] != '"' && command[i] != '\'') word += command[i];
    if (word.empty() || word.find('=') != std::string::npos || word[0] == '$') continue;  // an assignment or an expansion
    if (after_cd) {
      out.directories.push_back(word);
      after_cd = false;
      continue;
    }
    if (word == "-C" || word == "--directory" || word == "--dir") {  // make -C dir: later paths are relative to it
      after_cd = true;
      continue;
    }
    if (word[0] == '-') continue;  // an option
    if (command_position) {
      out.programs.push_back(base_of(word));
      if (word.find('/') != std::string::npos) out.files.push_back(word);
      after_cd = word == "cd" || word == "pushd";
      runner = base_of(word);
      command_position = false;
      continue;
    }
    // Asked only for a word that looks like a file: most commands never load the catalogs.
    bool file_like = word.find('/') != std::string::npos || word.find('.') != std::string::npos;
    if (!runner.empty() && file_like) {
      if (runner == "." || runner == "source" || runs_files(runner)) out.files.push_back(word);
      runner.clear();
    }
  }
  return out;
}

}  // namespace pgguard::shell
