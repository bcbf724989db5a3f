#include "policy/rules/rules.h"

namespace pgguard::rules {
namespace {

// Editing a migration that other databases already ran changes history they will never replay.
class AppliedMigrationEdit : public GuardRule {
 public:
  std::string_view id() const override { return "applied-migration-edit"; }
  std::string_view summary() const override {
    return "Editing a migration that was already committed or recorded as applied: write a new one";
  }
  void check(const GuardFacts& facts, std::vector<Finding>& out) const override {
    for (const auto& edited : facts.edited_migrations)
      out.push_back({"applied-migration-edit", edited.file + " is a migration that was already applied somewhere (" + edited.applied_where +
                                                   "); editing it changes history that other databases will never replay. Safe way "
                                                   "forward: leave it as it is and write a new migration with the change instead."});
  }
};

}  // namespace

std::unique_ptr<GuardRule> applied_migration_edit() { return std::make_unique<AppliedMigrationEdit>(); }

}  // namespace pgguard::rules
