#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "policy/config.h"
#include "policy/verdict.h"

namespace pgguard {

// PreToolUse for Write/Edit/MultiEdit: denies editing a migration that was already applied
// (committed at HEAD or on the upstream branch; a generated, uncommitted file is new) and
// writing a PostgreSQL connection string with a password into any file but a dotenv file.
// The rules this guard reports that no Bash rule (guard_rules()) reports too.
struct FileWriteRule {
  std::string id;
  std::string summary;
};
const std::vector<FileWriteRule>& file_write_only_rules();

Decision check_file_write(const std::string& tool, const nlohmann::json& tool_input, const std::string& cwd, const Policy& policy);

}  // namespace pgguard
