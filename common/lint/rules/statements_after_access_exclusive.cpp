#include "lint/rule.h"
#include "lint/token_forms.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

// Locks are held until the transaction ends, so anything that runs after an ACCESS EXCLUSIVE
// statement extends the time every reader and writer of that table waits. Reported once per
// transaction, on the first statement after the one that took the lock.
class StatementsAfterAccessExclusive : public LintRule {
 public:
  std::string_view id() const override { return "statements-after-access-exclusive"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (!c.in_transaction || c.state.access_exclusive_in_transaction.empty()) return;
    if (c.type() == "TransactionStmt") return;  // COMMIT / ROLLBACK end it: that is the fix
    const auto& all = c.migration.statements;
    auto index = static_cast<size_t>(&c.statement - all.data());
    if (index == 0 || index >= all.size()) return;
    const Statement& previous = all[index - 1];
    if (previous.section != c.statement.section || shorten(previous.text, 80) != c.state.access_exclusive_in_transaction) return;
    std::string form, table;
    // A statement of newer syntax than the parser's grammar is judged by its tokens.
    auto forms = previous.parse_error.empty() ? statement_forms(previous.node, c.schema, c.settings.pg_version) : read_tokens(previous.text).forms;
    for (const auto& f : forms) {
      if (f.relation.empty() || c.is_new_table(f.relation)) continue;
      if (lock_strength(lock_fact(f.form, c.settings.pg_version).lock) < lock_strength("ACCESS EXCLUSIVE")) continue;
      form = f.form;
      table = f.relation;
      break;
    }
    if (form.empty()) return;
    // A dropped index: the schema no longer knows its table, but a CREATE INDEX earlier in the file may.
    if (!c.schema.table(table))
      for (const Statement& s : all)
        if (s.type == "IndexStmt" && s.node.body().str("idxname") == table) table = relation_name(s.node.body()["relation"]);
    std::string fix = c.state.explicit_transaction
                          ? previous.text + ";\nCOMMIT;\n-- then, in a new transaction:\n" + c.statement.text + ";"
                          : "-- migration 1 (this file):\n" + previous.text + ";\n-- migration 2 (a new file):\n" + c.statement.text + ";";
    out.push_back({"This statement runs after `" + c.state.access_exclusive_in_transaction + "` in the same transaction, so the " +
                       lock_fact(form, c.settings.pg_version).lock + " lock that statement took on " + table + " stays held, blocking every read and write of " + table +
                       ", until the transaction ends.",
                   fix, 0, table});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_statements_after_access_exclusive() { return std::make_unique<StatementsAfterAccessExclusive>(); }

}  // namespace pgguard::lint
