#pragma once
#include <string>
#include <vector>

#include "lint/inventory.h"
#include "server/connection.h"

namespace pgguard::server {

// Marks each migration applied or not from its tool's bookkeeping table on a live server (read
// only). A table that does not exist means nothing was applied; a tool whose records pgguard cannot
// match leaves `applied` unset.
void read_applied(std::vector<lint::MigrationInfo>& migrations, Connection& connection);

}  // namespace pgguard::server
