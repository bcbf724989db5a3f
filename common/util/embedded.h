#pragma once
#include <string_view>

namespace pgguard {

// Contents of a config/ file compiled into the binary; empty when unknown.
std::string_view embedded_file(std::string_view name);

}  // namespace pgguard
