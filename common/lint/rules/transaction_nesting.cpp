#include "lint/rule.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

// A nested BEGIN only raises a WARNING, and the next COMMIT ends the outer transaction (the
// tool's, or the file's own), so the statements after it run outside any transaction.
class TransactionNesting : public LintRule {
 public:
  std::string_view id() const override { return "transaction-nesting"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "TransactionStmt" || c.statement.embedded) return;
    std::string kind = c.node().str("kind");
    bool begin = kind == "TRANS_STMT_BEGIN" || kind == "TRANS_STMT_START";
    bool end = kind == "TRANS_STMT_COMMIT" || kind == "TRANS_STMT_ROLLBACK";
    if (c.section.tx == TxMode::Single && (begin || end)) {
      std::string tool = tool_name(c.migration.file.tool);
      std::string word = shorten(c.statement.text, 40);  // BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK
      std::string fix = "-- delete this " + word + ": " + tool + " already runs the migration in one transaction";
      if (c.migration.file.tool == Tool::Dbmate)  // dbmate can run a section without its transaction instead
        fix += "\n-- or keep it and turn the tool's transaction off for this section:\n-- " +
               std::string(c.is_down() ? "migrate:down" : "migrate:up") + " transaction:false";
      std::string effect = begin ? "this BEGIN only warns, and the COMMIT that follows it ends the tool's transaction early"
                                 : "this " + word + " ends the tool's transaction early, so the statements after it run outside it";
      out.push_back({tool + " already wraps this migration in a transaction: " + effect + ".", fix, 0, ""});
      return;
    }
    if (begin && c.state.explicit_transaction)
      out.push_back({"BEGIN inside an open transaction only raises a WARNING; the first COMMIT then ends the outer transaction, so "
                     "the statements after it run outside any transaction.",
                     "-- delete this BEGIN, or end the open transaction first:\nCOMMIT;\nBEGIN;", 0, ""});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_transaction_nesting() { return std::make_unique<TransactionNesting>(); }

}  // namespace pgguard::lint
