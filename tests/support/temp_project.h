#pragma once
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "util/files.h"

namespace pgguard::testing {

// A private project directory for one test, removed when destroyed. It is traversable (not
// readable) by other users, so a throwaway server running as `postgres` can live below it.
struct TempProject {
  std::string root = make_temp_directory("pgguard-test");
  TempProject() { chmod(root.c_str(), 0711); }
  ~TempProject() { remove_tree(root); }
  TempProject(const TempProject&) = delete;
  TempProject& operator=(const TempProject&) = delete;

  std::string path(const std::string& relative) const { return root + "/" + relative; }
  void write(const std::string& relative, const std::string& text) const {
    std::filesystem::create_directories(std::filesystem::path(path(relative)).parent_path());
    std::ofstream(path(relative)) << text;
  }
  std::string read(const std::string& relative) const { return read_file_bounded(path(relative), 1 << 20).value_or(""); }
};

}  // namespace pgguard::testing
