#pragma once
#include <string>
#include <vector>

#include "server/catalog.h"
#include "server/trace.h"

namespace pgguard::server {

// The down migration that undoes `up`: its own down section (dbmate, goose, Liquibase rollback),
// or the sibling file of its tool (golang-migrate .down.sql, Flyway U<version>__, sqitch revert/).
// Empty when there is none.
std::string find_down_migration(const std::string& up_path);

struct RoundTrip {
  std::string sandbox;
  std::string up, down;                        // paths; down is up when the file holds both
  std::string irreversible;                    // the `-- irreversible: <why>` note, when present
  std::vector<std::string> notes;              // setup problems
  std::vector<TracedStatement> up_statements, down_statements;
  std::vector<std::string> up_changes;         // what up changed in the schema
  std::vector<SchemaDifference> differences;   // schema before up vs after down: empty when down undoes up
  std::string failure;                         // up or down failed to run
  bool reversible() const { return failure.empty() && differences.empty(); }
};

// Schema before; apply up; apply down; schema after; compare. `down_path` empty: found by
// find_down_migration. Throws ServerError when the server cannot be started or reached.
RoundTrip verify_down(const std::string& up_path, const std::string& down_path, TraceOptions options);

}  // namespace pgguard::server
