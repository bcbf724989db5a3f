#include "clients/fields.h"

namespace pgguard::clients {

using nlohmann::json;

std::string text_of(const json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string first_text(const json& object, std::initializer_list<const char*> keys) {
  for (const char* key : keys)
    if (std::string value = text_of(object, key); !value.empty()) return value;
  return "";
}

json arguments(const json& value) {
  if (value.is_object()) return value;
  if (!value.is_string()) return json::object();
  json parsed = json::parse(value.get<std::string>(), nullptr, false, true);
  return parsed.is_object() ? parsed : json::object();
}

std::string claude_added_text(const std::string& tool, const json& input) {
  if (tool == "Write") return text_of(input, "content");
  if (tool == "Edit") return text_of(input, "new_string");
  std::string text;
  if (auto edits = input.find("edits"); edits != input.end() && edits->is_array())
    for (const auto& edit : *edits) text += text_of(edit, "new_string") + "\n";
  return text;
}

}  // namespace pgguard::clients
