// Project config loading: bad input may be rejected with an exception, never crash.
#include <cstdint>
#include <exception>
#include <string>

#include "policy/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pgguard::Policy policy = pgguard::builtin_policy();
  try {
    pgguard::apply_project_config(policy, std::string(reinterpret_cast<const char*>(data), size));
  } catch (const std::exception&) {
  }
  return 0;
}
