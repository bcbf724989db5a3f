#include "support/corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace pgguard::testing {

std::string source_path(const std::string& relative) { return std::string(PGGUARD_SOURCE_DIR) + "/" + relative; }

std::string payload_fixture(const std::string& path, const std::string& cwd) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (size_t at = text.find("@CWD@"); at != std::string::npos; at = text.find("@CWD@", at + cwd.size())) text.replace(at, 5, cwd);
  return text;
}

std::vector<CorpusCase> load_corpus_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<CorpusCase> cases;
  std::string line;
  int number = 0;
  CorpusCase* current = nullptr;
  std::vector<std::string> body;
  auto finish = [&] {
    if (!current) return;
    while (!body.empty() && body.back().find_first_not_of(" \t\r") == std::string::npos) body.pop_back();
    for (size_t i = 0; i < body.size(); ++i) current->command += (i ? "\n" : "") + body[i];
    body.clear();
  };
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind("=== ", 0) == 0) {
      finish();
      cases.push_back({});
      current = &cases.back();
      current->file = fs::path(path).filename().string();
      current->line = number;
      std::istringstream header(line.substr(4));
      std::string token;
      header >> current->verdict;
      while (header >> token) {
        if (token.rfind("cwd=", 0) == 0) current->fixture = token.substr(4);
        else if (token == "git") current->committed = true;
        else if (token.rfind("env:", 0) == 0) {
          std::string kv = token.substr(4);
          size_t eq = kv.find('=');
          current->env[kv.substr(0, eq)] = eq == std::string::npos ? "" : kv.substr(eq + 1);
        } else current->rules.insert(token);
      }
    } else if (current) {
      body.push_back(line);
    }
  }
  finish();
  return cases;
}

std::vector<std::string> corpus_files(const std::string& directory) {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(directory))
    if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

FixtureCopy::FixtureCopy() {
  std::string pattern = (fs::temp_directory_path() / "pgguard-fixtures-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  root_ = pattern;
  fs::copy(source_path("tests/fixtures"), root_ + "/fixtures", fs::copy_options::recursive);
  fs::create_directories(root_ + "/empty");
}

FixtureCopy::~FixtureCopy() {
  std::error_code ignored;
  fs::remove_all(root_, ignored);
}

std::string FixtureCopy::path_for(const std::string& fixture) const {
  return fixture.empty() ? root_ + "/empty" : root_ + "/fixtures/" + fixture;
}

}  // namespace pgguard::testing
