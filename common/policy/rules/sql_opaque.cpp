#include "policy/rules/rules.h"

namespace pgguard::rules {
namespace {

constexpr char kSafe[] =
    " Safe way forward: put the SQL literally in the command (psql -c '...' or a quoted heredoc <<'SQL') or in a file "
    "that exists, so it can be checked before it runs.";

class SqlOpaque : public GuardRule {
 public:
  std::string_view id() const override { return "sql-opaque"; }
  std::string_view summary() const override {
    return "SQL the guard cannot read reaches a database (variables, missing files, EXECUTE of built strings, \\gexec)";
  }
  void check(const GuardFacts& facts, std::vector<Finding>& out) const override {
    for (const auto& check : facts.sql) {
      if (!check.sink->sql || check.sink->partial) out.push_back({"sql-opaque", check.sink->via + ": " + check.sink->opaque_reason + "." + kSafe});
      for (const auto& statement : check.statements)
        for (const auto& fact : statement.facts)
          if (fact.kind == sql::FactKind::Opaque) out.push_back({"sql-opaque", describe_statement(check, statement, fact) + "." + kSafe});
    }
  }
};

}  // namespace

std::unique_ptr<GuardRule> sql_opaque() { return std::make_unique<SqlOpaque>(); }

}  // namespace pgguard::rules
