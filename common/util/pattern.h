#pragma once
#include <memory>
#include <mutex>
#include <string>

#include <re2/re2.h>

namespace pgguard {

// A regular expression compiled on its first use, once, whichever thread asks first: a catalog
// holds many patterns and a hook process pays for compiling only those its call asks about.
class Pattern {
 public:
  explicit Pattern(std::string source);
  const RE2& re() const;  // throws std::runtime_error when RE2 rejects the source
  const std::string& source() const { return source_; }

 private:
  struct Compiled {
    std::once_flag once;
    std::unique_ptr<RE2> re;
  };
  std::string source_;
  std::unique_ptr<Compiled> compiled_;  // behind a pointer: a once_flag cannot move
};

}  // namespace pgguard
