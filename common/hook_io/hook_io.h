#pragma once
#include <cstdio>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>


namespace pgguard::hook_io {

// The largest hook payload read; Claude Code's payloads are far smaller.
constexpr size_t kMaxPayloadBytes = 32u << 20;

struct RawInput {
  std::string bytes;     // at most max_bytes
  size_t total_bytes = 0;  // everything read until EOF
};

// Reads `in` to EOF, keeping at most max_bytes (the rest is read and dropped so the writer never
// sees EPIPE).
RawInput read_all(std::FILE* in, size_t max_bytes);

struct Payload {
  nlohmann::json json;
  std::string error;  // set when the payload is unusable; says what is wrong
};

// Validates size, UTF-8 and nesting depth, then parses the payload object.
Payload parse_payload(const RawInput& raw, size_t max_bytes);

// A string field of the payload (dotted path such as "tool_input.command"); nullopt when missing
// or not a string.
std::optional<std::string> string_field(const nlohmann::json& payload, const std::string& dotted_path);

// Serialises JSON safely (invalid UTF-8 replaced) on one line.
std::string dump(const nlohmann::json& value);

}  // namespace pgguard::hook_io
