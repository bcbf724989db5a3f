#pragma once
#include <optional>
#include <string>
#include <vector>

namespace pgguard::sinks {

// What `echo ARGS` prints; nullopt for echo options the guard does not model.
std::optional<std::string> echo_output(const std::vector<std::string>& args);
// What `printf FORMAT ARGS` prints; nullopt for conversions the guard does not model.
std::optional<std::string> printf_output(const std::vector<std::string>& args);
// Standard base64 (and base64url) decoding, ignoring whitespace; nullopt when invalid.
std::optional<std::string> base64_decode(const std::string& text);
// Plain hex (xxd -r -p), ignoring whitespace; nullopt when invalid.
std::optional<std::string> hex_decode(const std::string& text);

}  // namespace pgguard::sinks
