#pragma once
#include <nlohmann/json.hpp>

#include "server/connection.h"

namespace pgguard::server {

// Table sizes from the catalog, read in a read-only transaction: for each user table its rows
// (the planner's estimate, or the live-tuple count when the table was never analyzed), its bytes
// (heap and TOAST), and each index's bytes. The shape the linter reads as --stats /
// .pgguard/stats.json: {"tables": {"public.orders": {"rows": N, "bytes": N, "index_bytes": N,
// "indexes": {"public.orders_pkey": N}}}}.
nlohmann::json collect_stats(Connection& conn);

}  // namespace pgguard::server
