#include <algorithm>

#include "lint/rule.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

// Behind a transaction-mode pooler (PgBouncer pool_mode = transaction, Supavisor's or Neon's pooled
// endpoints) a client holds a server connection for one transaction only. A session-level SET lands
// on the server connection that runs it and stays there after the transaction: the statements
// after it may run on another connection without it, and the pooler's next client on this one
// inherits it.
class SessionTimeoutBehindPooler : public LintRule {
 public:
  std::string_view id() const override { return "session-timeout-behind-pooler"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.settings.transaction_pooler.empty() || c.type() != "VariableSetStmt") return;
    Node n = c.node();
    std::string name = n.str("name");
    if ((name != "lock_timeout" && name != "statement_timeout") || n.flag("is_local") || n.str("kind") != "VAR_SET_VALUE") return;
    std::string local = as_local(c.statement.text);
    std::string message = "SET " + name + " sets it for the whole session, but the project runs behind a transaction-mode pooler (" +
                          c.settings.transaction_pooler + "): the setting stays on the server connection after this " +
                          (c.in_transaction ? "transaction" : "statement") + " and leaks to the pooler's other clients";
    if (!c.in_transaction) message += ", while the migration's next statements may run on another connection without it";
    std::string fix = c.in_transaction
                          ? local + ";  -- lasts until the end of this transaction only"
                          : "-- SET LOCAL lasts for one transaction: give the statement that needs the timeout one of its own,\n"
                            "-- or run the migrations over a direct connection (port 5432), which CREATE INDEX CONCURRENTLY needs:\n"
                            "BEGIN;\n" + local + ";\n-- the statement that needs it\nCOMMIT;";
    out.push_back({message + ".", fix, 0, ""});
  }

 private:
  // "SET [SESSION] lock_timeout = '2s'" as "SET LOCAL lock_timeout = '2s'".
  static std::string as_local(const std::string& text) {
    std::string rest = trim(text.substr(std::min<size_t>(3, text.size())));
    if (rest.size() > 8 && to_lower(rest.substr(0, 8)) == "session ") rest = trim(rest.substr(8));
    if (!rest.empty() && rest.back() == ';') rest.pop_back();
    return "SET LOCAL " + rest;
  }
};

}  // namespace

std::unique_ptr<LintRule> make_session_timeout_behind_pooler() { return std::make_unique<SessionTimeoutBehindPooler>(); }

}  // namespace pgguard::lint
