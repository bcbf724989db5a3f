#include <set>

#include "lint/rule.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

// The table a data-changing statement writes, or "" for anything else.
std::string dml_table(const Statement& s) {
  Node n = s.node.body();
  if (s.type == "UpdateStmt" || s.type == "DeleteStmt" || s.type == "InsertStmt" || s.type == "MergeStmt") return relation_name(n["relation"]);
  if (s.type == "CopyStmt" && n.flag("is_from")) return relation_name(n["relation"]);
  return "";
}

std::string verb(const Statement& s) {
  if (s.type == "UpdateStmt") return "UPDATE";
  if (s.type == "DeleteStmt") return "DELETE";
  if (s.type == "InsertStmt") return "INSERT";
  if (s.type == "MergeStmt") return "MERGE";
  return "COPY";
}

// A migration (section) that changes both the schema and the data of existing tables: in one
// transaction the DDL's lock is held for the whole data change, and the data change cannot be
// batched. Reported once per section, on its first data change.
class DdlWithDml : public LintRule {
 public:
  std::string_view id() const override { return "ddl-with-dml"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    std::string table = dml_table(c.statement);
    if (table.empty() || is_bookkeeping_table(table) || c.is_new_table(table)) return;
    // Only the first data change of the section reports; an earlier one means this is not it. Scanning
    // back stops at the previous data change, so long seed files stay linear.
    const auto& all = c.migration.statements;
    for (auto i = static_cast<size_t>(&c.statement - all.data()); i-- > 0 && all[i].section == c.statement.section;) {
      if (all[i].runs == Runs::WhenCalled) continue;  // a function body changes nothing until it is called
      std::string written = dml_table(all[i]);
      if (!written.empty() && !c.is_new_table(written) && !is_bookkeeping_table(written)) return;
    }
    const Statement* ddl = nullptr;
    std::string ddl_form, ddl_table;
    std::set<std::string> created;
    for (const Statement& s : all) {
      if (ddl) break;
      if (s.section != c.statement.section || !s.node || s.runs == Runs::WhenCalled) continue;
      // DDL that blocks writes (SHARE or stronger) on a table that existed before the migration.
      for (const auto& f : statement_forms(s.node, c.schema, c.settings.pg_version)) {
        if (ddl || f.relation.empty() || created.count(f.relation) || is_bookkeeping_table(f.relation)) continue;
        if (lock_strength(lock_fact(f.form, c.settings.pg_version).lock) < lock_strength("SHARE")) continue;
        ddl = &s;
        ddl_form = f.form;
        ddl_table = f.relation;
      }
      if (std::string made = created_table(s.node); !made.empty()) created.insert(made);
    }
    if (!ddl) return;
    std::string where = "the DDL on line " + std::to_string(ddl->line) + " (`" + shorten(ddl->text, 60) + "`)";
    std::string message = c.in_transaction && ddl->offset < c.statement.offset
                              ? "This " + verb(c.statement) + " on " + table + " runs in the same transaction as " + where + ", so the " +
                                    lock_fact(ddl_form, c.settings.pg_version).lock + " lock it took on " + ddl_table + " stays held for the whole data change."
                              : "This " + verb(c.statement) + " on " + table + " shares a migration with " + where +
                                    "; a data change belongs in its own migration, batched and outside the DDL's transaction.";
    out.push_back({message,
                   "-- move the data change to its own migration that runs outside a transaction, in batches "
                   "(repeat until it changes 0 rows):\n" +
                       c.statement.text + ";",
                   0, table});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_ddl_with_dml() { return std::make_unique<DdlWithDml>(); }

}  // namespace pgguard::lint
