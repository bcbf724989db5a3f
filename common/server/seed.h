#pragma once
#include <string>
#include <vector>

#include "server/connection.h"

namespace pgguard::server {

// Fills every empty user table with `rows` synthetic rows so that scans, rewrites and NOT NULL
// checks meet real data. Values are derived from the row number per type; a single-column foreign
// key gets the values its parent's generated key takes, and parents are filled first. Returns a
// note for each table it could not fill.
std::vector<std::string> seed_tables(Connection& conn, long long rows);

}  // namespace pgguard::server
