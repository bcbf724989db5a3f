#include "policy/rules/rules.h"

#include "util/text.h"

namespace pgguard::rules {
namespace {

constexpr char kSafe[] =
    " Safe way forward: do not run it from here. Migrations reach production through the CI migration runner; data "
    "fixes go through a reviewed migration or a human with production access. Run it against a development database instead.";

bool writes(sql::FactKind kind) {
  return kind == sql::FactKind::BoundedWrite || kind == sql::FactKind::UnboundedWrite || kind == sql::FactKind::SchemaChange ||
         kind == sql::FactKind::Destructive || kind == sql::FactKind::Maintenance || kind == sql::FactKind::ShellEscape;
}

class ProductionWrite : public GuardRule {
 public:
  std::string_view id() const override { return "production-write"; }
  std::string_view summary() const override {
    return "Anything that writes to a production database, and any migration run against production";
  }
  void check(const GuardFacts& facts, std::vector<Finding>& out) const override {
    for (const auto& check : facts.sql) {
      if (!check.target.production) continue;
      for (const auto& statement : check.statements)
        for (const auto& fact : statement.facts)
          if (writes(fact.kind))
            out.push_back({"production-write", describe_statement(check, statement, fact) + " writes to a production database (" +
                                                   check.target.evidence + ")." + kSafe});
    }
    for (const auto& check : facts.clis) {
      if (!check.target.production || check.call->judgement.cls == sinks::CliClass::Safe) continue;
      out.push_back({"production-write", "`" + shorten(check.call->command, 120) + "` runs against a production database (" +
                                             check.target.evidence + ")." + kSafe});
    }
  }
};

}  // namespace

std::unique_ptr<GuardRule> production_write() { return std::make_unique<ProductionWrite>(); }

}  // namespace pgguard::rules
