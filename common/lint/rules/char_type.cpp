#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

class CharType : public LintRule {
 public:
  std::string_view id() const override { return "char-type"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    for (const auto& site : convention::column_sites(c)) {
      if (!site.builtin || site.type.type != "bpchar") continue;
      int64_t length = site.type.typmods.empty() ? 1 : site.type.typmods[0];
      Column fixed = site.type;
      fixed.type = "text";
      fixed.typmods.clear();
      // char(n) pads with blanks and compares ignoring them; it is stored like text, so no faster.
      std::string check = site.type.is_array ? "" : "length(" + convention::quote_ident(site.column) + ") <= " + std::to_string(length);
      Column shown = site.type;
      shown.type = "char";  // bpchar is the internal name
      out.push_back({"Column " + site.table + "." + site.column + " is " + describe_type(shown) +
                         ", which pads values with blanks (and strips them again in comparisons) and is stored "
                         "like text, so it is no faster.",
                     convention::column_fix(c, site, describe_type(fixed), to_lower("chk_" + site.table + "_" + site.column + "_length"), check), 0,
                     convention::existing_relation(c, site.table)});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_char_type() { return std::make_unique<CharType>(); }

}  // namespace pgguard::lint
