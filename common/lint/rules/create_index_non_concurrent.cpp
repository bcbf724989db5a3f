#include <re2/re2.h>

#include "lint/rule.h"

namespace pgguard::lint {
namespace {

class CreateIndexNonConcurrent : public LintRule {
 public:
  std::string_view id() const override { return "create-index-non-concurrent"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "IndexStmt" || c.node().flag("concurrent")) return;
    std::string table = relation_name(c.node()["relation"]);
    if (c.is_new_table(table)) return;
    // The statement as written, with CONCURRENTLY where it belongs.
    static const RE2 head(R"((?i)^(\s*CREATE\s+(?:UNIQUE\s+)?INDEX)\b)");
    std::string fixed = c.statement.text;
    if (!RE2::Replace(&fixed, head, "\\1 CONCURRENTLY")) fixed = "CREATE INDEX CONCURRENTLY ... ON " + table + " (...)";
    out.push_back({"CREATE INDEX " + c.node().str("idxname") + " without CONCURRENTLY takes a " +
                       describe(lock_fact("create-index", c.settings.pg_version), table) + ".",
                   outside_transaction_fix(c, fixed + ";") + "\n-- if the build fails, DROP INDEX CONCURRENTLY the INVALID index and retry",
                   0, table});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_create_index_non_concurrent() { return std::make_unique<CreateIndexNonConcurrent>(); }

}  // namespace pgguard::lint
