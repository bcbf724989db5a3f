#include <re2/re2.h>

#include "lint/rule.h"

namespace pgguard::lint {
namespace {

// An ALTER TABLE on a table (not an index or view) that is worth merging with another one.
// VALIDATE CONSTRAINT alone is left out: it must run in a later transaction than its
// ADD ... NOT VALID, so it cannot be combined.
bool mergeable_alter(const Statement& s, std::string& table) {
  if (s.type != "AlterTableStmt") return false;
  Node n = s.node.body();
  if (n.str("objtype") != "OBJECT_TABLE") return false;
  bool only_validate = true;
  for (const Node& item : n["cmds"].list()) only_validate = only_validate && item["AlterTableCmd"].str("subtype") == "AT_ValidateConstraint";
  if (only_validate) return false;
  table = relation_name(n["relation"]);
  return true;
}

// "ADD COLUMN a int" from "ALTER TABLE [IF EXISTS] [ONLY] orders ADD COLUMN a int".
std::string actions_of(const std::string& text) {
  static const RE2 alter(R"((?is)^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(?:"[^"]+"|[\w$]+)(?:\.(?:"[^"]+"|[\w$]+))?\s+(.*))");
  std::string actions;
  return RE2::FullMatch(text, alter, &actions) ? actions : "";
}

// Each ALTER TABLE takes ACCESS EXCLUSIVE again (and may scan again); one statement with several
// comma-separated actions takes it once.
class MultipleAlterSameTable : public LintRule {
 public:
  std::string_view id() const override { return "multiple-alter-same-table"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    std::string table;
    if (c.statement.embedded || !mergeable_alter(c.statement, table) || c.is_new_table(table)) return;
    const Statement* first = nullptr;
    for (const Statement& s : c.migration.statements) {
      if (&s == &c.statement) break;
      std::string other;
      if (!s.embedded && c.migration.file.sections[s.section].direction == c.section.direction && mergeable_alter(s, other) &&
          other == table) {
        first = &s;
        break;
      }
    }
    if (!first) return;
    std::string form = "add-column";  // other actions: ACCESS EXCLUSIVE, briefly
    for (const auto& f : c.forms())
      if (f.relation == table) form = f.form;
    std::string first_actions = actions_of(first->text), these = actions_of(c.statement.text);
    std::string fix = !first_actions.empty() && !these.empty()
                          ? "ALTER TABLE " + table + "\n  " + first_actions + ",\n  " + these + ";"
                          : "ALTER TABLE " + table + " <actions of line " + std::to_string(first->line) + ">, <actions of this statement>;";
    out.push_back({"Another ALTER TABLE on " + table + " (the first is on line " + std::to_string(first->line) +
                       "): each ALTER queues for its own lock, and this one takes an " + describe(lock_fact(form, c.settings.pg_version), table) + ".",
                   fix, 0, table});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_multiple_alter_same_table() { return std::make_unique<MultipleAlterSameTable>(); }

}  // namespace pgguard::lint
