#include "lint/rule.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

// LockStmt.mode is PostgreSQL's LOCKMODE number.
std::string mode_name(int64_t mode) {
  static const char* kNames[] = {"",      "ACCESS SHARE",        "ROW SHARE", "ROW EXCLUSIVE",   "SHARE UPDATE EXCLUSIVE",
                                 "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"};
  return mode >= 1 && mode <= 8 ? kNames[mode] : "";
}

class ExplicitLockTable : public LintRule {
 public:
  std::string_view id() const override { return "explicit-lock-table"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "LockStmt") return;
    std::vector<std::string> tables;
    for (const Node& r : c.node()["relations"].list()) {
      std::string name = relation_name(r);
      if (!c.is_new_table(name)) tables.push_back(name);  // a table created in this file has no other users
    }
    if (tables.empty()) return;
    std::string list = join(tables, ", ");
    std::string mode = mode_name(c.node().integer("mode", 8));
    const LockFact& fact = lock_fact("lock-table", c.settings.pg_version);
    std::string message = mode.empty() || mode == fact.lock
                              ? "LOCK TABLE " + list + " takes " + a_lock(fact, list) + "."
                              : "LOCK TABLE " + list + " IN " + mode + " MODE holds " + mode + " on " + list +
                                    " until the transaction ends, blocking every session that needs a conflicting lock.";
    if (!c.in_transaction) message += " Outside a transaction block PostgreSQL rejects it.";
    out.push_back({message,
                   "-- remove the LOCK TABLE: each statement takes the lock it needs; bound how long it may wait instead:\n" +
                       std::string(c.in_transaction ? "SET LOCAL" : "SET") + " lock_timeout = '2s';",
                   0, tables.front()});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_explicit_lock_table() { return std::make_unique<ExplicitLockTable>(); }

}  // namespace pgguard::lint
