#include "policy/rules/rules.h"

#include "util/text.h"

namespace pgguard::rules {
namespace {

// A migration run whose pending migrations have lint errors is stopped before it locks anything.
class PendingMigrationErrors : public GuardRule {
 public:
  std::string_view id() const override { return "pending-migration-errors"; }
  std::string_view summary() const override {
    return "A migration run whose pending migrations have lint errors (locks, rewrites, destructive changes)";
  }
  void check(const GuardFacts& facts, std::vector<Finding>& out) const override {
    std::string listed;
    size_t errors = 0;
    for (const auto& f : facts.pending.findings) {
      if (f.severity != lint::Severity::Error) continue;
      if (++errors <= 10) listed += "\n  " + f.file + ":" + std::to_string(f.line) + " [" + f.rule + "] " + shorten(f.message, 200) + (f.fix.empty() ? "" : " Fix: " + shorten(f.fix, 200));
    }
    if (errors == 0) return;
    out.push_back({"pending-migration-errors", "the migrations about to be applied have " + std::to_string(errors) +
                                                   " lint error(s):" + listed +
                                                   "\nSafe way forward: fix the migrations as the fixes say (pgguard lint shows them all), then run the migration again."});
  }
};

}  // namespace

std::unique_ptr<GuardRule> pending_migration_errors() { return std::make_unique<PendingMigrationErrors>(); }

}  // namespace pgguard::rules
