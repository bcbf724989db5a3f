#include "clients/fields.h"

#include <sstream>

#include "util/text.h"

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

std::vector<WrittenFile> patched_files(const std::string& patch) {
  std::vector<WrittenFile> files;
  std::istringstream lines(patch);
  std::string line;
  bool in_file = false;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    for (const char* header : {"*** Add File: ", "*** Update File: "}) {
      if (starts_with(line, header)) {
        files.push_back({trim(line.substr(std::string(header).size())), ""});
        in_file = true;
      }
    }
    if (starts_with(line, "*** Move to: ") && in_file) files.back().path = trim(line.substr(13));
    else if (starts_with(line, "*** Delete File: ") || starts_with(line, "*** End Patch")) in_file = false;
    else if (in_file && starts_with(line, "+")) files.back().added_text += line.substr(1) + "\n";
  }
  return files;
}

}  // namespace pgguard::clients
