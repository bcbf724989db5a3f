#pragma once
#include <string>

namespace pgguard::lint {

// How the project at or above `start` says it runs behind a transaction-mode pooler (PgBouncer's
// pool_mode = transaction, Supavisor's or Neon's pooled endpoints), for lint::Settings:
// - .pgguard.json "pooler": "pgbouncer-transaction" or "transaction" says yes; "session" or "none"
//   says no, whatever CLAUDE.md says;
// - else a CLAUDE.md line (outside pgguard's own block) naming PgBouncer, transaction pooling or
//   port 6432.
// Returns where it was said ("CLAUDE.md: PgBouncer in transaction mode on port 6432"); empty when not.
std::string transaction_pooler_evidence(const std::string& start);

}  // namespace pgguard::lint
