#include "lint/rule.h"

namespace pgguard::lint {
namespace {

class AlterTableRewrite : public LintRule {
 public:
  std::string_view id() const override { return "alter-table-rewrite"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    Node n = c.node();
    if (c.type() == "AlterTableMoveAllStmt") {
      out.push_back({"ALTER ... ALL IN TABLESPACE " + n.str("orig_tablespacename") + " copies every relation it moves, each under " +
                         a_lock(lock_fact("set-tablespace", c.settings.pg_version), "it") + ".",
                     "-- move the tables one at a time outside the migration, online with pg_repack --tablespace=" +
                         n.str("new_tablespacename") + " --table=<table>",
                     0, ""});
      return;
    }
    if (c.type() != "AlterTableStmt") return;
    std::string relation = relation_name(n["relation"]);
    bool index = n.str("objtype") == "OBJECT_INDEX";
    if (index ? c.is_new_index(relation) : c.is_new_table(relation)) return;  // created in this file: empty, unseen
    for (const Node& item : n["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      std::string subtype = cmd.str("subtype");
      std::string form, what, fix;
      if (subtype == "AT_SetLogged" || subtype == "AT_SetUnLogged") {
        form = "set-logged";
        what = subtype == "AT_SetLogged" ? "SET LOGGED" : "SET UNLOGGED";
        fix = "-- no online form: create a new " + std::string(subtype == "AT_SetLogged" ? "" : "UNLOGGED ") + "table like " + relation +
              ", copy the rows in batches and swap the names, or run it in a maintenance window";
      } else if (subtype == "AT_SetTableSpace") {
        form = "set-tablespace";
        what = "SET TABLESPACE " + cmd.str("name");
        fix = "-- move it online outside the migration: pg_repack --tablespace=" + cmd.str("name") + (index ? " --index=" : " --table=") +
              relation + " <database>";
      } else if (subtype == "AT_SetAccessMethod") {
        form = "set-access-method";
        what = "SET ACCESS METHOD " + cmd.str("name");
        fix = "-- no online form: create a new table USING " + cmd.str("name") + ", copy the rows in batches and swap the names";
      } else {
        continue;  // storage parameters and the other actions do not rewrite
      }
      std::string kind = index ? "INDEX " : n.str("objtype") == "OBJECT_MATVIEW" ? "MATERIALIZED VIEW " : "TABLE ";
      out.push_back(
          {"ALTER " + kind + relation + " " + what + " takes " + a_lock(lock_fact(form, c.settings.pg_version), relation) + ".", fix, 0, index ? "" : relation});
    }
  }
};

}  // namespace

std::unique_ptr<LintRule> make_alter_table_rewrite() { return std::make_unique<AlterTableRewrite>(); }

}  // namespace pgguard::lint
