// SQL classification (libpg_query, PL/pgSQL bodies, constant folding) on arbitrary text.
#include <cstdint>
#include <string_view>

#include "policy/config.h"
#include "sql/classify.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const pgguard::sql::ClassifyOptions options = [] {
    pgguard::sql::ClassifyOptions o;
    o.side_effect_functions = pgguard::builtin_policy().side_effect_functions;
    return o;
  }();
  pgguard::sql::classify(std::string_view(reinterpret_cast<const char*>(data), size), options);
  return 0;
}
