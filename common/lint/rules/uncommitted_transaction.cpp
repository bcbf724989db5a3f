#include "lint/rule.h"

namespace pgguard::lint {
namespace {

// A BEGIN left open is rolled back when the tool disconnects: the run reports success and
// applies nothing. Replayed per section here because the linter resets the transaction state
// when a new section starts.
class UncommittedTransaction : public LintRule {
 public:
  std::string_view id() const override { return "uncommitted-transaction"; }
  void finish(const FileContext& c, std::vector<RuleFinding>& out) const override {
    const auto& sections = c.migration.file.sections;
    std::vector<const Statement*> open_begin(sections.size(), nullptr);
    for (const Statement& s : c.migration.statements) {
      if (s.embedded || s.type != "TransactionStmt") continue;
      std::string kind = s.node.body().str("kind");
      if (kind == "TRANS_STMT_BEGIN" || kind == "TRANS_STMT_START") {
        if (!open_begin[s.section]) open_begin[s.section] = &s;
      } else if (kind == "TRANS_STMT_COMMIT" || kind == "TRANS_STMT_ROLLBACK" || kind == "TRANS_STMT_PREPARE") {
        open_begin[s.section] = nullptr;
      }
    }
    for (size_t i = 0; i < sections.size(); ++i) {
      // In a section the tool wraps, the tool's own COMMIT ends it (transaction-nesting reports the BEGIN).
      if (!open_begin[i] || sections[i].tx == TxMode::Single) continue;
      out.push_back({"This BEGIN is never committed: the transaction is rolled back when the migration tool disconnects, so the "
                     "run succeeds and applies nothing.",
                     "COMMIT;  -- at the end of the " + std::string(sections[i].direction == Direction::Down ? "down" : "up") +
                         " migration",
                     open_begin[i]->line, ""});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_uncommitted_transaction() { return std::make_unique<UncommittedTransaction>(); }

}  // namespace pgguard::lint
