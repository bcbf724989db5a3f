#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

namespace pgguard::testing {

// One case of tests/corpus/guard/*.txt (format in tests/corpus/README.md).
struct CorpusCase {
  std::string file;
  int line = 0;
  std::string verdict;
  std::set<std::string> rules;
  std::string fixture;
  std::map<std::string, std::string> env;
  bool committed = false;  // `git`: runs in a fresh git repository with the fixture committed
  std::string command;
};

std::vector<CorpusCase> load_corpus_file(const std::string& path);
std::vector<std::string> corpus_files(const std::string& directory);

// A fresh copy of tests/fixtures (new modification times), removed when destroyed.
class FixtureCopy {
 public:
  FixtureCopy();
  ~FixtureCopy();
  FixtureCopy(const FixtureCopy&) = delete;
  FixtureCopy& operator=(const FixtureCopy&) = delete;
  std::string path_for(const std::string& fixture) const;  // "" = an empty directory

 private:
  std::string root_;
};

std::string source_path(const std::string& relative);

// A client payload fixture (tests/fixtures/payloads) with each @CWD@ replaced by `cwd`.
std::string payload_fixture(const std::string& path, const std::string& cwd);

}  // namespace pgguard::testing
