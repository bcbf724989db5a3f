#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lint/forms.h"
#include "lint/migration.h"
#include "lint/parse.h"

namespace pgguard::lint {

// What the statements of one direction (up or down, which run at different times) did before.
struct DirectionState {
  bool strong_lock_taken = false;      // a statement locked an existing table SHARE or stronger
  std::set<std::string> timeouts_set;  // settings given a non-zero value: "lock_timeout", "statement_timeout"
};

// What the walk has seen earlier in the file, for rules that depend on order.
struct FileState {
  std::set<std::string> created_tables;       // CREATE TABLE (incl. TEMP) or TABLE AS / MATERIALIZED VIEW earlier in the file
  std::set<std::string> created_indexes;
  std::set<std::string> created_types;
  int transaction = 0;                         // increments whenever a transaction starts
  bool explicit_transaction = false;           // inside BEGIN ... COMMIT written in the file
  std::map<std::string, int> not_valid_added;  // constraint name -> transaction it was added NOT VALID in
  std::set<std::string> validated_not_null;    // "table.column" with a validated CHECK (col IS NOT NULL)
  std::string access_exclusive_in_transaction;  // what took ACCESS EXCLUSIVE in the open transaction
  std::map<std::string, int> alter_table_count;
  DirectionState up, down;

  DirectionState& in(Direction direction) { return direction == Direction::Up ? up : down; }
  const DirectionState& in(Direction direction) const { return direction == Direction::Up ? up : down; }
};

// A lock SHARE or stronger on a table that existed before the file.
struct StrongLock {
  std::string relation;
  std::string lock;
};

// The first relation not in `created` that the statement locks SHARE or stronger, given its lock
// forms: waiting for such a lock queues every later writer (or reader) of the table behind it, and
// holding it through a long scan or rewrite blocks them for as long as that runs.
std::optional<StrongLock> strong_lock(const Statement& statement, const std::vector<FormOnRelation>& forms,
                                      const std::set<std::string>& created, int pg_version);

// Moves the file state past one statement (after the rules saw it); `forms`: its lock forms.
void advance(FileState& state, const Statement& statement, Direction direction, const std::vector<FormOnRelation>& forms,
             const Schema& schema, int pg_version, bool in_transaction);

}  // namespace pgguard::lint
