#include "hook_io/hook_io.h"

#include "util/text.h"

namespace pgguard::hook_io {

using nlohmann::json;

RawInput read_all(std::FILE* in, size_t max_bytes) {
  RawInput raw;
  char buffer[65536];
  for (;;) {
    size_t n = std::fread(buffer, 1, sizeof(buffer), in);
    if (n == 0) break;
    raw.total_bytes += n;
    if (raw.bytes.size() < max_bytes) raw.bytes.append(buffer, std::min(n, max_bytes - raw.bytes.size()));
  }
  return raw;
}

namespace {

// The deepest nesting of objects and arrays, outside strings; stops counting past limit.
int nesting_depth(const std::string& text, int limit) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

Payload parse_payload(const RawInput& raw, size_t max_bytes) {
  Payload payload;
  if (raw.total_bytes > max_bytes) {
    payload.error = "the hook input is " + std::to_string(raw.total_bytes) + " bytes, over the " + std::to_string(max_bytes) +
                    "-byte limit";
    return payload;
  }
  if (trim(raw.bytes).empty()) {
    payload.error = "the hook input is empty";
    return payload;
  }
  if (!is_valid_utf8(raw.bytes)) {
    payload.error = "the hook input is not valid UTF-8";
    return payload;
  }
  if (nesting_depth(raw.bytes, 64) > 64) {
    payload.error = "the hook input nests JSON deeper than 64 levels";
    return payload;
  }
  payload.json = json::parse(raw.bytes, nullptr, false);
  if (payload.json.is_discarded()) {
    payload.error = "the hook input is not valid JSON (truncated or malformed)";
  } else if (!payload.json.is_object()) {
    payload.error = "the hook input is not a JSON object";
  }
  return payload;
}

std::optional<std::string> string_field(const json& payload, const std::string& dotted_path) {
  const json* node = &payload;
  size_t start = 0;
  while (start <= dotted_path.size()) {
    size_t dot = dotted_path.find('.', start);
    std::string key = dotted_path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!node->is_object() || !node->contains(key)) return std::nullopt;
    node = &(*node)[key];
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  if (!node->is_string()) return std::nullopt;
  return node->get<std::string>();
}

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace pgguard::hook_io
