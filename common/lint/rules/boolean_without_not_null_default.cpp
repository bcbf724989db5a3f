#include "lint/rules/convention_support.h"

namespace pgguard::lint {
namespace {

class BooleanWithoutNotNullDefault : public LintRule {
 public:
  std::string_view id() const override { return "boolean-without-not-null-default"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    for (const auto& site : convention::column_sites(c)) {
      if (!site.builtin || site.type.type != "bool" || site.type.is_array) continue;
      bool not_null = false, has_default = false;
      std::string default_value = "false";
      for (const Node& item : site.def["constraints"].list()) {
        Node constraint = item["Constraint"];
        std::string kind = constraint.str("contype");
        if (kind == "CONSTR_NOTNULL" || kind == "CONSTR_PRIMARY") not_null = true;
        if (kind == "CONSTR_DEFAULT") {
          has_default = true;
          if (constraint["raw_expr"]["A_Const"]["boolval"].flag("boolval")) default_value = "true";
        }
      }
      if (site.kind == convention::ColumnSite::AlterType)
        if (const Column* existing = c.schema.column(site.table, site.column)) {
          not_null = existing->not_null;
          has_default = existing->has_default;
        }
      same_statement_fixes(c, site, not_null, has_default);
      if (not_null && has_default) continue;
      // NULL makes a boolean three-valued; without a DEFAULT every INSERT must name the column.
      std::vector<std::string> problems;
      if (!not_null) problems.push_back("is nullable, so WHERE NOT " + site.column + " silently skips the NULL rows");
      if (!has_default) problems.push_back("has no DEFAULT, so every INSERT has to name it");
      out.push_back({"Boolean column " + site.table + "." + site.column + " " + join(problems, " and ") + ".",
                     fix(site, default_value), 0, convention::existing_relation(c, site.table)});
    }
  }

 private:
  // ALTER TABLE t ADD COLUMN f bool, ALTER COLUMN f SET NOT NULL, ALTER COLUMN f SET DEFAULT false.
  static void same_statement_fixes(const StatementContext& c, const convention::ColumnSite& site, bool& not_null, bool& has_default) {
    if (c.type() == "CreateStmt") {
      for (const Node& element : c.node()["tableElts"].list()) {
        Node constraint = element["Constraint"];
        if (constraint.str("contype") != "CONSTR_PRIMARY") continue;
        for (const auto& key : column_names(constraint["keys"]))
          if (key == site.column) not_null = true;
      }
      return;
    }
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      if (cmd.str("name") != site.column) continue;
      if (cmd.str("subtype") == "AT_SetNotNull") not_null = true;
      if (cmd.str("subtype") == "AT_ColumnDefault" && cmd.has("def")) has_default = true;
    }
  }

  static std::string fix(const convention::ColumnSite& site, const std::string& default_value) {
    if (site.kind == convention::ColumnSite::AlterType)
      return "ALTER TABLE " + site.qualified + " ALTER COLUMN " + site.column + " SET DEFAULT " + default_value + ";  -- then backfill NULLs and SET NOT NULL";
    std::string definition = site.column + " boolean NOT NULL DEFAULT " + default_value;
    if (site.kind == convention::ColumnSite::AddColumn) return "ALTER TABLE " + site.qualified + " ADD COLUMN " + definition + ";";
    return definition + "  -- in CREATE TABLE " + site.qualified;
  }
};

}  // namespace

std::unique_ptr<LintRule> make_boolean_without_not_null_default() { return std::make_unique<BooleanWithoutNotNullDefault>(); }

}  // namespace pgguard::lint
