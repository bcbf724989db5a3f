#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

// Reading the config catalogs (config/*.json) with rapidjson: a missing or mistyped optional field
// reads as empty.
namespace pgguard::json_fields {

// A catalog's document; throws when the text is not a JSON object.
void parse_catalog(rapidjson::Document& doc, std::string_view json_text, const char* name);
// The member `key` of an object; nullptr when absent (or when `object` is not an object).
const rapidjson::Value* member(const rapidjson::Value& object, const char* key);
// A list of strings; empty when `array` is not a list. Throws on an item that is not a string.
std::vector<std::string> strings(const rapidjson::Value& array);
std::vector<std::string> strings(const rapidjson::Value& object, const char* key);
// A string member; `fallback` when absent or not a string.
std::string text(const rapidjson::Value& object, const char* key, const std::string& fallback = "");
// A boolean member; `fallback` when absent or not a boolean.
bool flag(const rapidjson::Value& object, const char* key, bool fallback = false);
// A member every entry has: throws, naming the catalog, when it is absent or of another type.
std::string required_text(const rapidjson::Value& object, const char* key, const char* catalog);
bool required_flag(const rapidjson::Value& object, const char* key, const char* catalog);
// A non-negative integer member; 0 when absent or not one.
size_t count(const rapidjson::Value& object, const char* key);

}  // namespace pgguard::json_fields
