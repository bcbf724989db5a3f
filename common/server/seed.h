#pragma once
#include <string>
#include <vector>

#include "server/connection.h"

namespace pgguard::server {

// Fills every empty user table with `rows` synthetic rows so that scans, rewrites and NOT NULL
// checks meet real data. Values are derived from the row number per type; a single-column foreign
// key gets the values its parent's generated key takes, and parents are filled first. Nullable
// columns are NULL in `null_percent` of the rows, as real data has them (a SET NOT NULL then fails
// as it would). Returns a note saying how many rows went into how many tables, and one for each
// table it could not fill.
std::vector<std::string> seed_tables(Connection& conn, long long rows, int null_percent);

}  // namespace pgguard::server
