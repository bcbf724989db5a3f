#pragma once
#include <nlohmann/json.hpp>

namespace pgguard {

// A whole number written by a user in JSON (.pgguard.json, a tool's journal), within [lo, hi].
// Throws std::runtime_error naming the range for anything else: nlohmann's get<int>() on 1e50 is
// undefined behaviour and on 2.5 silently truncates.
long long whole_number(const nlohmann::json& value, long long lo, long long hi);

}  // namespace pgguard
