#pragma once
#include <string>
#include <vector>

#include "lint/migration.h"

namespace pgguard::lint {

// One migration in its tool's history.
struct HistoryEntry {
  std::string path;
  bool down = false;  // a down file: it comes right after its up and changes nothing for later files
};

// The migrations that share `path`'s history, in the order the tool applies them, each down file
// right after its up; `path` is among them. A history is one folder of one tool's files, or for
// folder-per-migration layouts (Prisma, diesel, drizzle's folders) the folder holding those folders;
// sqitch's deploy/ and revert/ together.
std::vector<HistoryEntry> migration_history(const std::string& path, Tool tool, size_t max_files = 5000);

// migration.sql, up.sql, down.sql: a folder-per-migration layout's file, named by its folder.
bool is_folder_migration_file(const std::string& name);

// Files with the same id share one history.
std::string history_id(const std::string& path, Tool tool);

}  // namespace pgguard::lint
