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

// Milliseconds since `since`, for reports of how long something took.
inline double elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace pgguard
