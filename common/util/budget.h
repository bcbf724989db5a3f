#pragma once
#include <chrono>

namespace pgguard {

// A wall-clock allowance for one decision. Stages poll expired() in their loops; once it is
// spent the guard stops analysing and asks.
class Budget {
 public:
  explicit Budget(std::chrono::milliseconds allowance)
      : deadline_(std::chrono::steady_clock::now() + allowance) {}
  bool expired() const { return std::chrono::steady_clock::now() > deadline_; }

 private:
  std::chrono::steady_clock::time_point deadline_;
};

}  // namespace pgguard
