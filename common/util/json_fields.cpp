#include "util/json_fields.h"

#include <stdexcept>

namespace pgguard::json_fields {

using rapidjson::Value;

const Value* member(const Value& object, const char* key) {
  if (!object.IsObject()) return nullptr;
  auto it = object.FindMember(key);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

std::vector<std::string> strings(const Value& array) {
  std::vector<std::string> out;
  if (!array.IsArray()) return out;
  for (const Value& item : array.GetArray()) {
    if (!item.IsString()) throw std::runtime_error("expected a list of strings");
    out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return out;
}

std::vector<std::string> strings(const Value& object, const char* key) {
  const Value* value = member(object, key);
  return value ? strings(*value) : std::vector<std::string>{};
}

std::string text(const Value& object, const char* key, const std::string& fallback) {
  const Value* value = member(object, key);
  return value && value->IsString() ? std::string(value->GetString(), value->GetStringLength()) : fallback;
}

bool flag(const Value& object, const char* key, bool fallback) {
  const Value* value = member(object, key);
  return value && value->IsBool() ? value->GetBool() : fallback;
}

std::string required_text(const Value& object, const char* key, const char* catalog) {
  const Value* value = member(object, key);
  if (!value || !value->IsString()) throw std::runtime_error(std::string(catalog) + ": an entry without the string " + key);
  return {value->GetString(), value->GetStringLength()};
}

bool required_flag(const Value& object, const char* key, const char* catalog) {
  const Value* value = member(object, key);
  if (!value || !value->IsBool()) throw std::runtime_error(std::string(catalog) + ": an entry without the boolean " + key);
  return value->GetBool();
}

void parse_catalog(rapidjson::Document& doc, std::string_view json_text, const char* name) {
  // Parsed from a terminated copy: rapidjson's fast string scanning reads a terminated string's
  // stream, not the stream of a pointer and a length (half of a catalog's parse).
  std::string terminated(json_text);
  if (doc.Parse(terminated.c_str()).HasParseError() || !doc.IsObject())
    throw std::runtime_error(std::string(name) + " does not parse");
}

size_t count(const Value& object, const char* key) {
  const Value* value = member(object, key);
  return value && value->IsUint() ? value->GetUint() : 0;
}

}  // namespace pgguard::json_fields
