#pragma once
#include <optional>
#include <string>
#include <vector>

#include "lint/migration.h"

namespace pgguard::lint {

// What `pgguard migrations` tells about one migration.
struct MigrationInfo {
  std::string path;  // as given
  Tool tool = Tool::Plain;
  std::string direction;  // up, down, or up+down (one file with both)
  TxMode transaction = TxMode::Autocommit;
  // Whether it was shared: upstream (on the upstream branch), committed (at HEAD), new (neither),
  // unknown (not in a git work tree). Only a shared migration counts as applied somewhere.
  std::string state;
  std::string bookkeeping_name;  // what the tool's bookkeeping table records for it; "" when unknown
  std::optional<bool> applied;   // from a server's bookkeeping table, when one was asked
};

// The migrations among `files`, one history after another, each in the order its tool applies it.
std::vector<MigrationInfo> migration_inventory(const std::vector<std::string>& files, std::optional<Tool> forced_tool);

const char* transaction_name(TxMode mode);

// The version digits a name starts with, without leading zeros, as bookkeeping tables store them:
// 2024-01-01-000000_x -> 20240101000000; 00012_x -> 12.
std::string version_digits(const std::string& name);

}  // namespace pgguard::lint
