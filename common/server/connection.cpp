#include "server/connection.h"

#include <libpq-fe.h>

#include <memory>

#include "util/text.h"

namespace pgguard::server {
namespace {

// Collects every result of the last query; the last error, or the last result's rows, win.
QueryResult collect(PGconn* conn) {
  QueryResult out;
  while (PGresult* raw = PQgetResult(conn)) {
    std::unique_ptr<PGresult, decltype(&PQclear)> result(raw, PQclear);
    ExecStatusType status = PQresultStatus(raw);
    if (status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE || status == PGRES_NONFATAL_ERROR) {
      if (status == PGRES_NONFATAL_ERROR) continue;
      const char* state = PQresultErrorField(raw, PG_DIAG_SQLSTATE);
      out.sqlstate = state ? state : "";
      out.error = trim(PQresultErrorMessage(raw));
      if (starts_with(out.error, "ERROR:")) out.error = trim(out.error.substr(6));
      continue;
    }
    if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT) {  // COPY through stdin/stdout is not supported here
      out.error = "COPY FROM STDIN / TO STDOUT is not supported in a traced migration";
      if (status == PGRES_COPY_IN) PQputCopyEnd(conn, "not supported");
      continue;
    }
    if (status != PGRES_TUPLES_OK) continue;
    out.columns.clear();
    out.rows.clear();
    for (int c = 0; c < PQnfields(raw); ++c) out.columns.push_back(PQfname(raw, c));
    for (int r = 0; r < PQntuples(raw); ++r) {
      std::vector<std::string> row;
      for (int c = 0; c < PQnfields(raw); ++c) row.emplace_back(PQgetvalue(raw, r, c));
      out.rows.push_back(std::move(row));
    }
  }
  if (out.error.empty() && PQstatus(conn) != CONNECTION_OK) out.error = trim(PQerrorMessage(conn));
  return out;
}

}  // namespace

Connection::Connection(const std::string& conninfo, const std::string& dbname) {
  // A later dbname overrides the one inside an expanded conninfo or URI.
  const char* keywords[] = {"dbname", dbname.empty() ? nullptr : "dbname", nullptr};
  const char* values[] = {conninfo.c_str(), dbname.empty() ? nullptr : dbname.c_str(), nullptr};
  conn_ = PQconnectdbParams(keywords, values, 1);
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    std::string message = conn_ ? trim(PQerrorMessage(conn_)) : "out of memory";
    if (conn_) PQfinish(conn_);
    conn_ = nullptr;
    throw ServerError("cannot connect: " + message);
  }
  PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);  // notices are not errors
}

Connection::~Connection() {
  if (conn_) PQfinish(conn_);
}

QueryResult Connection::exec(const std::string& sql) {
  if (!PQsendQuery(conn_, sql.c_str())) return {trim(PQerrorMessage(conn_)), "", {}, {}};
  return collect(conn_);
}

QueryResult Connection::run(const std::string& sql) {
  QueryResult r = exec(sql);
  if (!r.ok()) throw ServerError(r.error + " (in: " + shorten(sql, 120) + ")");
  return r;
}

std::string Connection::value(const std::string& sql) {
  QueryResult r = run(sql);
  return r.rows.empty() || r.rows[0].empty() ? "" : r.rows[0][0];
}

void Connection::send(const std::string& sql) {
  if (!PQsendQuery(conn_, sql.c_str())) throw ServerError(trim(PQerrorMessage(conn_)));
}

bool Connection::finished() {
  if (!PQconsumeInput(conn_)) return true;
  return !PQisBusy(conn_);
}

QueryResult Connection::result() { return collect(conn_); }

int Connection::backend_pid() const { return PQbackendPID(conn_); }

bool Connection::in_transaction() const {
  PGTransactionStatusType s = PQtransactionStatus(conn_);
  return s == PQTRANS_INTRANS || s == PQTRANS_INERROR;
}

bool Connection::in_failed_transaction() const { return PQtransactionStatus(conn_) == PQTRANS_INERROR; }

std::string Connection::quote_literal(const std::string& text) const {
  std::unique_ptr<char, decltype(&PQfreemem)> q(PQescapeLiteral(conn_, text.c_str(), text.size()), PQfreemem);
  if (!q) throw ServerError("cannot quote a literal: " + trim(PQerrorMessage(conn_)));
  return q.get();
}

std::string Connection::quote_identifier(const std::string& text) const {
  std::unique_ptr<char, decltype(&PQfreemem)> q(PQescapeIdentifier(conn_, text.c_str(), text.size()), PQfreemem);
  if (!q) throw ServerError("cannot quote an identifier: " + trim(PQerrorMessage(conn_)));
  return q.get();
}

bool has_password(const std::string& conninfo) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  if (error) PQfreemem(error);
  if (!options) return false;
  bool found = false;
  for (PQconninfoOption* o = options; o->keyword; ++o)
    if (std::string(o->keyword) == "password" && o->val && *o->val) found = true;
  PQconninfoFree(options);
  return found;
}

}  // namespace pgguard::server
