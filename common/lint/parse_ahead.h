#pragma once
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "lint/parse.h"

namespace pgguard::lint {

struct ParseJob {
  std::string path;
  std::optional<std::string> text;  // nullopt: the file is read here (bounded by max_bytes); moved into the parse
  std::optional<Tool> tool;
  Comments comments = Comments::Read;
  size_t max_bytes = 0;
  unsigned threads = 1;  // threads that may parse one large section of the file
};

// Parses files on worker threads ahead of the one consuming them, and hands the parses over in
// the jobs' order. A parse tree does not depend on the schema, so files parse in parallel while
// the rules and the schema replay stay in the tool's order. At most a window of parses is held at
// once: a few files, or more of them while they hold less than a megabyte of SQL in all, so that
// while one large file is linted the small ones after it are parsed rather than waited for.
// libpg_query keeps its parser state per thread. With `threads` 1 everything runs in next().
class ParseAhead {
 public:
  ParseAhead(std::vector<ParseJob> jobs, unsigned threads);
  ~ParseAhead();
  ParseAhead(const ParseAhead&) = delete;
  ParseAhead& operator=(const ParseAhead&) = delete;

  // The next job's parse (nullptr when its file cannot be read); rethrows what the parse threw.
  std::unique_ptr<ParsedMigration> next();

 private:
  std::vector<ParseJob> jobs_;
  std::vector<std::unique_ptr<ParsedMigration>> parsed_;
  std::vector<std::exception_ptr> errors_;
  std::vector<bool> done_;
  size_t next_claim_ = 0;  // the first job nobody has started
  size_t next_out_ = 0;    // the next job next() hands over
  size_t window_;
  std::vector<size_t> bytes_before_;  // bytes_before_[k]: the known text size of jobs 0..k-1
  bool stopping_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::thread> workers_;

  void work();
};

// The number of threads `jobs` asks for: 0 means one per hardware thread.
unsigned lint_threads(unsigned jobs);

}  // namespace pgguard::lint
