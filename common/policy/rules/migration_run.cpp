#include "policy/rules/rules.h"

namespace pgguard::rules {
namespace {

constexpr char kId[] = "migration-run";

// Asks before migrations reach a non-production database, with the lint of what is pending.
class MigrationRun : public GuardRule {
 public:
  std::string_view id() const override { return kId; }
  std::string_view summary() const override { return cli_.summary(); }
  void check(const GuardFacts& facts, std::vector<Finding>& out) const override {
    std::vector<Finding> found;
    cli_.check(facts, found);
    for (auto& f : found) {
      if (facts.pending.ran) f.message += " " + pending_summary(facts.pending);
      out.push_back(std::move(f));
    }
  }

 private:
  CliClassRule cli_{{kId, "Applying or reverting migrations against a non-production database (a human confirms)",
                     sinks::CliClass::Migrate, true, " Check the pending migrations and the target database before approving."}};

  static std::string pending_summary(const GuardFacts::PendingLint& pending) {
    if (pending.files == 0) return "No new or changed migration files were found to lint.";
    size_t errors = 0, warnings = 0, notes = 0;
    for (const auto& f : pending.findings) {
      errors += f.severity == lint::Severity::Error;
      warnings += f.severity == lint::Severity::Warning;
      notes += f.severity == lint::Severity::Info;
    }
    return "Pending migrations linted: " + std::to_string(pending.files) + " file(s), " + std::to_string(errors) + " error(s), " +
           std::to_string(warnings) + " warning(s), " + std::to_string(notes) + " info finding(s)" +
           (errors + warnings + notes ? "; pgguard lint shows them all." : ".");
  }
};

}  // namespace

std::unique_ptr<GuardRule> migration_run() { return std::make_unique<MigrationRun>(); }

}  // namespace pgguard::rules
