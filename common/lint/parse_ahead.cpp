#include "lint/parse_ahead.h"

#include "util/files.h"

namespace pgguard::lint {
namespace {

constexpr size_t kAheadBytes = 1u << 20;      // SQL parsed ahead beyond the window of files
constexpr size_t kUnreadFileBytes = 4u << 10;  // what a file read by the worker counts for

std::unique_ptr<ParsedMigration> parse(ParseJob& job) {
  auto text = job.text ? std::move(job.text) : read_file_bounded(job.path, job.max_bytes);
  job.text.reset();
  return text ? parse_migration(read_migration(job.path, std::move(*text), job.tool), job.comments, job.threads) : nullptr;
}

}  // namespace

unsigned lint_threads(unsigned jobs) {
  if (jobs) return jobs;
  unsigned hardware = std::thread::hardware_concurrency();
  return hardware ? hardware : 1;
}

ParseAhead::ParseAhead(std::vector<ParseJob> jobs, unsigned threads)
    : jobs_(std::move(jobs)), parsed_(jobs_.size()), errors_(jobs_.size()), done_(jobs_.size(), false), window_(2 * threads + 2) {
  bytes_before_.push_back(0);
  for (const ParseJob& job : jobs_) bytes_before_.push_back(bytes_before_.back() + (job.text ? job.text->size() : kUnreadFileBytes));
  // The consumer parses too: a single file (a hook's) parses on this thread, with no thread, no
  // second malloc arena and no second parser state to set up.
  unsigned workers = threads > 1 && jobs_.size() > 1 ? std::min<size_t>(threads - 1, jobs_.size() - 1) : 0;
  for (unsigned i = 0; i < workers; ++i) workers_.emplace_back([this] { work(); });
}

ParseAhead::~ParseAhead() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  for (auto& worker : workers_) worker.join();
}

void ParseAhead::work() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    changed_.wait(lock, [&] {
      return stopping_ || next_claim_ >= jobs_.size() || next_claim_ < next_out_ + window_ ||
             bytes_before_[next_claim_] - bytes_before_[next_out_] < kAheadBytes;
    });
    if (stopping_ || next_claim_ >= jobs_.size()) return;
    size_t k = next_claim_++;
    lock.unlock();
    std::unique_ptr<ParsedMigration> parsed;
    std::exception_ptr error;
    try {
      parsed = parse(jobs_[k]);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    parsed_[k] = std::move(parsed);
    errors_[k] = error;
    done_[k] = true;
    changed_.notify_all();
  }
}

std::unique_ptr<ParsedMigration> ParseAhead::next() {
  std::unique_lock<std::mutex> lock(mutex_);
  size_t k = next_out_++;
  changed_.notify_all();  // the window moved on
  if (next_claim_ == k) {  // no worker has started it: parse it here rather than wait
    ++next_claim_;
    lock.unlock();
    return parse(jobs_[k]);
  }
  changed_.wait(lock, [&] { return done_[k]; });
  if (errors_[k]) std::rethrow_exception(errors_[k]);
  return std::move(parsed_[k]);
}

}  // namespace pgguard::lint
