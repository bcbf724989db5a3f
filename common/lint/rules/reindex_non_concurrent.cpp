#include "lint/rule.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

class ReindexNonConcurrent : public LintRule {
 public:
  std::string_view id() const override { return "reindex-non-concurrent"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "ReindexStmt") return;
    Node n = c.node();
    for (const Node& p : n["params"].list())
      if (p["DefElem"].str("defname") == "concurrently") return;
    std::string kind = n.str("kind");
    std::string name = n.has("relation") ? relation_name(n["relation"]) : n.str("name");
    std::string table, what, object;
    if (kind == "REINDEX_OBJECT_INDEX") {
      if (c.is_new_index(name)) return;  // built earlier in this file
      const Index* index = c.schema.index(name);
      table = index ? index->table : "";
      what = "REINDEX INDEX " + name;
      object = "INDEX";
    } else if (kind == "REINDEX_OBJECT_TABLE") {
      table = name;
      what = "REINDEX TABLE " + name;
      object = "TABLE";
    } else {
      object = kind == "REINDEX_OBJECT_SCHEMA" ? "SCHEMA" : kind == "REINDEX_OBJECT_SYSTEM" ? "SYSTEM" : "DATABASE";
      what = "REINDEX " + object + (name.empty() ? "" : " " + name);
    }
    if (!table.empty() && c.is_new_table(table)) return;
    std::string on = !table.empty()      ? table
                     : object == "INDEX" ? "the table of " + name
                                         : "every table in the " + to_lower(object) + (name.empty() ? "" : " " + name);
    out.push_back({what + " without CONCURRENTLY takes " + a_lock(lock_fact("reindex", c.settings.pg_version), on) + ".", fix(c, object, name), 0, table});
  }

 private:
  static std::string fix(const StatementContext& c, const std::string& object, const std::string& name) {
    if (object == "SYSTEM") return "-- REINDEX SYSTEM has no CONCURRENTLY form: run it in a maintenance window, not in a migration";
    if (c.settings.pg_version < 12)
      return "-- REINDEX CONCURRENTLY needs PostgreSQL 12+; before that, CREATE INDEX CONCURRENTLY a copy of each index, "
             "DROP INDEX CONCURRENTLY the old one and ALTER INDEX ... RENAME the copy";
    return outside_transaction_fix(c, "REINDEX " + object + " CONCURRENTLY " + name + ";");
  }
};

}  // namespace

std::unique_ptr<LintRule> make_reindex_non_concurrent() { return std::make_unique<ReindexNonConcurrent>(); }

}  // namespace pgguard::lint
