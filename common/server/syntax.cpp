#include "server/syntax.h"

#include "server/connection.h"

namespace pgguard::server {

constexpr const char* kSyntaxError = "42601";

std::optional<std::string> SyntaxChecker::syntax_error(const std::string& statement) {
  if (!cluster_) {
    ThrowawayCluster::Options options;
    options.major = major_;
    cluster_ = ThrowawayCluster::start(options);
    conn_ = std::make_unique<Connection>(cluster_->conninfo());
  }
  std::string tag = "pgguard";
  while (statement.find("$" + tag + "$") != std::string::npos) tag += "_";
  conn_->run("BEGIN");
  QueryResult r = conn_->exec("CREATE FUNCTION pg_temp.pgguard_syntax() RETURNS void LANGUAGE plpgsql AS $" + tag + "$BEGIN\n" + statement +
                            ";\nEND$" + tag + "$");
  conn_->exec("ROLLBACK");
  if (r.ok() || r.sqlstate != kSyntaxError) return std::nullopt;
  return r.error.substr(0, r.error.find('\n'));  // without the LINE n: context of the function body
}

}  // namespace pgguard::server
