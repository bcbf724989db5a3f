#include "util/json_number.h"

#include <stdexcept>
#include <string>

namespace pgguard {

long long whole_number(const nlohmann::json& value, long long lo, long long hi) {
  bool in_range = false;
  long long number = 0;
  if (value.is_number_unsigned()) {
    auto u = value.get<unsigned long long>();
    in_range = hi >= 0 && u <= static_cast<unsigned long long>(hi) && static_cast<long long>(u) >= lo;
    number = in_range ? static_cast<long long>(u) : 0;
  } else if (value.is_number_integer()) {
    number = value.get<long long>();
    in_range = number >= lo && number <= hi;
  }
  if (!in_range) throw std::runtime_error("must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  return number;
}

}  // namespace pgguard
