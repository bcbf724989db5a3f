// The shell parser on arbitrary text.
#include <cstdint>
#include <string_view>

#include "shell/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pgguard::shell::parse(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
