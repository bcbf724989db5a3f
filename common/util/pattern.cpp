#include "util/pattern.h"

#include <stdexcept>

namespace pgguard {

Pattern::Pattern(std::string source) : source_(std::move(source)), compiled_(std::make_unique<Compiled>()) {}

const RE2& Pattern::re() const {
  std::call_once(compiled_->once, [this] {
    auto re = std::make_unique<RE2>(source_, RE2::Quiet);
    if (!re->ok()) throw std::runtime_error("bad pattern " + source_ + ": " + re->error());
    compiled_->re = std::move(re);
  });
  return *compiled_->re;
}

}  // namespace pgguard
