#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "server/connection.h"

namespace pgguard::server {

// A user relation as the trace compares it before and after a statement.
struct RelationState {
  std::string name;        // as regclass prints it: "orders", "audit.events"
  char kind = 'r';         // pg_class.relkind
  std::string filenode;    // pg_class.relfilenode: changes when the relation is rewritten
  long long seq_scans = 0; // flushed + this backend's pending sequential scans
  bool empty = false;       // its storage has no pages
};
using Relations = std::map<std::string, RelationState>;  // by oid

// Every user relation (not catalogs, not TOAST), with the counters the trace diffs. Needs
// stats_fetch_consistency = none on the connection so repeated reads are not cached.
Relations read_relations(Connection& conn);

// One relation lock of a backend, from pg_locks.
struct RelationLock {
  std::string oid;
  std::string mode;  // "ACCESS EXCLUSIVE", ...
  bool granted = true;
};
// A backend's locks on user relations, and whether it waits for any lock (a relation, another
// transaction, a virtual transaction...).
struct BackendLocks {
  std::vector<RelationLock> relations;
  bool waiting = false;
};
BackendLocks read_backend_locks(Connection& conn, int pid);

// "AccessExclusiveLock" -> "ACCESS EXCLUSIVE".
std::string lock_mode_name(const std::string& pg_locks_mode);

// The schema as comparable text: "<kind> <name>" -> definition, for tables, columns (type, NOT
// NULL, default, identity, generated), constraints (with NOT VALID), indexes, enum types with
// their labels in order, sequences, views, functions and triggers. Migration tools' bookkeeping
// tables are left out. `kinds` limits it ("column", "constraint", ...); empty means all.
using SchemaText = std::map<std::string, std::string>;
SchemaText describe_schema(Connection& conn, const std::set<std::string>& kinds = {});

struct SchemaDifference {
  std::string object;  // "column public.orders.status"
  std::string before;  // "" when the object did not exist
  std::string after;   // "" when it no longer exists
};
std::vector<SchemaDifference> compare_schemas(const SchemaText& before, const SchemaText& after);
// "+ column public.orders.note: text", "- index ...", "~ column ...: text -> text NOT NULL"
std::string describe_difference(const SchemaDifference& d);

}  // namespace pgguard::server
