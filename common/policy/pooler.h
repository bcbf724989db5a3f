#pragma once
#include <string>
#include <vector>

#include "policy/config.h"
#include "sinks/report.h"

namespace pgguard::target {

// Why a connection (URL or key=value string) reaches PostgreSQL through a transaction-mode pooler:
// "port 6432", "pgbouncer=true", "host db-pooler.internal"; empty when nothing says so.
std::string pooler_sign(const std::string& connection, const PoolerDetection& detection);

// The first connection signal that goes through a pooler, as "DATABASE_URL (hook environment):
// port 6432"; empty when none does, or when a direct-connection variable (DIRECT_URL, ...) names a
// database without one, since migrations are then run over that connection (Prisma's directUrl).
std::string pooled_connection(const std::vector<sinks::TargetSignal>& signals, const PoolerDetection& detection);

}  // namespace pgguard::target
