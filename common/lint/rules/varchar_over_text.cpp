#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

class VarcharOverText : public LintRule {
 public:
  std::string_view id() const override { return "varchar-over-text"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    for (const auto& site : convention::column_sites(c)) {
      // Plain varchar (no limit) is text under another name.
      if (!site.builtin || site.type.type != "varchar" || site.type.typmods.empty()) continue;
      Column fixed = site.type;
      fixed.type = "text";
      fixed.typmods.clear();
      // A CHECK can later be replaced online (NOT VALID + VALIDATE); a smaller varchar limit cannot.
      std::string check = site.type.is_array ? "" : "length(" + convention::quote_ident(site.column) + ") <= " + std::to_string(site.type.typmods[0]);
      out.push_back({"Column " + site.table + "." + site.column + " is " + describe_type(site.type) +
                         "; lowering the limit later takes " + a_lock(lock_fact("alter-column-type", c.settings.pg_version), site.table) +
                         ", while a CHECK on text can be replaced with NOT VALID and VALIDATE.",
                     convention::column_fix(c, site, describe_type(fixed), to_lower("chk_" + site.table + "_" + site.column + "_length"), check), 0,
                     convention::existing_relation(c, site.table)});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_varchar_over_text() { return std::make_unique<VarcharOverText>(); }

}  // namespace pgguard::lint
