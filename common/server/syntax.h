#pragma once
#include <memory>
#include <optional>
#include <string>

#include "server/cluster.h"
#include "server/connection.h"

namespace pgguard::server {

// A PostgreSQL server's own parser as a judge of statements the linter's grammar cannot read. The
// statement is never run: it is the body of a PL/pgSQL function that is created (which parses
// every SQL statement of the body) and rolled back, on a throwaway server of the target major
// started on first use.
class SyntaxChecker {
 public:
  explicit SyntaxChecker(int major) : major_(major) {}
  // nullopt: the server parses it; else the server's syntax error. Throws ServerError when no
  // server of the major can be started.
  std::optional<std::string> syntax_error(const std::string& statement);

 private:
  int major_;
  std::unique_ptr<ThrowawayCluster> cluster_;
  std::unique_ptr<Connection> conn_;
};

}  // namespace pgguard::server
