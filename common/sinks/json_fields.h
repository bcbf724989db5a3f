#pragma once
// Reading fields of the catalogs' RapidJSON documents.
#include <rapidjson/document.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pgguard::sinks::json_fields {

// A catalog's document; throws when the text is not a JSON object.
inline void parse_catalog(rapidjson::Document& doc, std::string_view json_text, const char* name) {
  if (doc.Parse(json_text.data(), json_text.size()).HasParseError() || !doc.IsObject())
    throw std::runtime_error(std::string(name) + " does not parse");
}

inline const rapidjson::Value* member(const rapidjson::Value& object, const char* key) {
  if (!object.IsObject()) return nullptr;
  auto it = object.FindMember(key);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

// A list of strings; throws when an item is not a string.
inline std::vector<std::string> strings(const rapidjson::Value& array) {
  std::vector<std::string> out;
  if (!array.IsArray()) return out;
  for (const rapidjson::Value& item : array.GetArray()) {
    if (!item.IsString()) throw std::runtime_error("expected a list of strings");
    out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return out;
}

inline std::vector<std::string> strings(const rapidjson::Value& object, const char* key) {
  const rapidjson::Value* value = member(object, key);
  return value ? strings(*value) : std::vector<std::string>{};
}

inline std::string text(const rapidjson::Value& object, const char* key) {
  const rapidjson::Value* value = member(object, key);
  return value && value->IsString() ? std::string(value->GetString(), value->GetStringLength()) : std::string();
}

inline bool flag(const rapidjson::Value& object, const char* key) {
  const rapidjson::Value* value = member(object, key);
  return value && value->IsBool() && value->GetBool();
}

inline size_t count(const rapidjson::Value& object, const char* key) {
  const rapidjson::Value* value = member(object, key);
  return value && value->IsUint() ? value->GetUint() : 0;
}

}  // namespace pgguard::sinks::json_fields
