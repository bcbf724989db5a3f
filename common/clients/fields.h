#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "clients/tool_call.h"

namespace pgguard::clients {

// The string at `key` of an object; "" when missing or not a string.
std::string text_of(const nlohmann::json& object, const char* key);

// The first of `keys` holding a string.
std::string first_text(const nlohmann::json& object, std::initializer_list<const char*> keys);

// Arguments a client sends as a JSON string (Copilot's toolArgs, Cursor's MCP tool_input) or as an
// object; anything else, or a string that is not JSON, reads as an empty object.
nlohmann::json arguments(const nlohmann::json& value);

// The text a Write, Edit or MultiEdit adds (Claude Code's field names).
std::string claude_added_text(const std::string& tool, const nlohmann::json& input);

// The files an apply_patch envelope (Codex's, and Copilot CLI's for some models) adds or updates,
// with their added lines: *** Add File: path / *** Update File: path, then "+" lines; *** Move to:
// renames the update.
std::vector<WrittenFile> patched_files(const std::string& patch);

}  // namespace pgguard::clients
