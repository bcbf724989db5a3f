#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct pg_conn;

namespace pgguard::server {

// A server-side failure pgguard reports as it is (cannot start, cannot connect, query failed).
struct ServerError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct QueryResult {
  std::string error;     // empty on success
  std::string sqlstate;  // "25001" ...
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // NULL reads as ""
  bool ok() const { return error.empty(); }
};

// One libpq connection. Queries run with the simple protocol, so a string may hold several
// statements (one implicit transaction, as a multi-statement query tool sends them).
class Connection {
 public:
  // `conninfo` is a URI or a keyword/value string; `dbname`, when given, overrides its database.
  explicit Connection(const std::string& conninfo, const std::string& dbname = "");
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  QueryResult exec(const std::string& sql);
  // exec() that throws ServerError naming the failing SQL.
  QueryResult run(const std::string& sql);
  // The first column of the first row of run(sql); "" when there is no row.
  std::string value(const std::string& sql);

  // Starts `sql` without waiting; finished() polls it; result() collects it.
  void send(const std::string& sql);
  bool finished();
  QueryResult result();

  int backend_pid() const;
  bool in_transaction() const;       // inside a transaction block (also a failed one)
  bool in_failed_transaction() const;
  std::string quote_literal(const std::string& text) const;
  std::string quote_identifier(const std::string& text) const;

 private:
  pg_conn* conn_ = nullptr;
};

// Whether a conninfo string or URI carries a password.
bool has_password(const std::string& conninfo);

}  // namespace pgguard::server
