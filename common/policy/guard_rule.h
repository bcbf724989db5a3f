#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/linter.h"
#include "policy/verdict.h"
#include "sinks/report.h"
#include "util/secrets.h"
#include "sql/classify.h"
#include "policy/target.h"

namespace pgguard {

struct SqlCheck {
  const sinks::SqlSink* sink;
  std::vector<sql::Statement> statements;
  target::Assessment target;
};

struct CliCheck {
  const sinks::CliCall* call;
  target::Assessment target;
};

// Everything the guard rules look at for one command.
struct GuardFacts {
  const sinks::Report* report = &sinks::kNoShellReport;  // never null
  std::vector<SqlCheck> sql;
  std::vector<CliCheck> clis;
  std::vector<SecretFinding> secrets;  // in the command or the tool call itself
  // A file write: secrets in the text written, and migrations edited after they were shared.
  struct WrittenSecret {
    std::string file;
    SecretFinding secret;
  };
  std::vector<WrittenSecret> written_secrets;
  struct EditedMigration {
    std::string file;
    std::string applied_where;  // why it counts as applied
  };
  std::vector<EditedMigration> edited_migrations;
  std::vector<std::string> errors;  // why the guard could not finish (budget, parse failure, bad input)
  // Before a migration run: the lint of the migrations that are not applied yet.
  struct PendingLint {
    bool ran = false;
    size_t files = 0;
    std::vector<lint::LintFinding> findings;
  } pending;
};

// One guard rule: a stable id, a one-line summary, and a check that reports findings. Verdicts
// come from the policy, not from the rule.
class GuardRule {
 public:
  virtual ~GuardRule() = default;
  virtual std::string_view id() const = 0;
  virtual std::string_view summary() const = 0;
  virtual void check(const GuardFacts& facts, std::vector<Finding>& out) const = 0;
};

// A rule that fires once per SQL statement fact of one kind.
class SqlFactRule : public GuardRule {
 public:
  struct Spec {
    std::string id;
    std::string summary;
    sql::FactKind kind;
    bool production_only_elsewhere;  // on production targets production-write speaks instead
    std::string consequence;
    std::string safe_way;
  };
  explicit SqlFactRule(Spec spec) : spec_(std::move(spec)) {}
  std::string_view id() const override { return spec_.id; }
  std::string_view summary() const override { return spec_.summary; }
  void check(const GuardFacts& facts, std::vector<Finding>& out) const override;

 private:
  Spec spec_;
};

// A rule that fires for catalog CLI calls of one class.
class CliClassRule : public GuardRule {
 public:
  struct Spec {
    std::string id;
    std::string summary;
    sinks::CliClass cls;
    bool production_only_elsewhere;
    std::string note;  // appended to the catalog's safe way forward
  };
  explicit CliClassRule(Spec spec) : spec_(std::move(spec)) {}
  std::string_view id() const override { return spec_.id; }
  std::string_view summary() const override { return spec_.summary; }
  void check(const GuardFacts& facts, std::vector<Finding>& out) const override;

 private:
  Spec spec_;
};

// "<what> (via psql -c)" with the statement shortened.
std::string describe_statement(const SqlCheck& check, const sql::Statement& statement, const sql::Fact& fact);

extern const char kConfirmHint[];

// Every guard rule, in report order.
const std::vector<std::unique_ptr<GuardRule>>& guard_rules();

}  // namespace pgguard
