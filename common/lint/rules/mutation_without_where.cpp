#include <re2/re2.h>

#include "lint/rule.h"

namespace pgguard::lint {
namespace {

// For `UPDATE t SET col = <constant>`: "col IS DISTINCT FROM <constant>", the rows a batch still has
// to change; "" when the value is not a constant (a condition on it might never become false).
std::string not_yet_updated(const Node& update, const std::string& text) {
  std::vector<Node> targets = update["targetList"].list();
  if (targets.size() != 1 || targets[0]["ResTarget"].has("indirection")) return "";
  Node value = targets[0]["ResTarget"]["val"];
  if (Node cast = value["TypeCast"]) value = cast["arg"];
  if (!value.has("A_Const")) return "";
  static const RE2 set(R"((?is)^UPDATE\s+.+?\s+SET\s+("[^"]+"|[\w$]+)\s*=\s*(.+?)\s*$)");
  std::string column, constant;
  if (!RE2::FullMatch(text, set, &column, &constant)) return "";
  return column + " IS DISTINCT FROM " + constant;
}

// An UPDATE or DELETE of every row holds a row lock on all of them in one long transaction and
// leaves a dead copy of each; batches keep locks short and let vacuum keep up.
class MutationWithoutWhere : public LintRule {
 public:
  std::string_view id() const override { return "mutation-without-where"; }
  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    bool update = c.type() == "UpdateStmt";
    if ((!update && c.type() != "DeleteStmt") || c.node().has("whereClause")) return;
    std::string table = relation_name(c.node()["relation"]);
    if (table.empty() || is_bookkeeping_table(table) || c.is_new_table(table)) return;
    std::string key = c.schema.row_key(table);
    std::string pending = update ? not_yet_updated(c.node(), c.statement.text) : "";
    std::string batch = key + " IN (SELECT " + key + " FROM " + table + " WHERE " + (pending.empty() ? "<rows not yet done>" : pending) +
                        " LIMIT 10000)";
    std::string fix;
    if (c.node().has("fromClause") || c.node().has("usingClause") || c.node().has("returningList")) {
      fix = "-- limit each run to a batch with a WHERE before FROM/USING/RETURNING, e.g. WHERE " + batch + "\n" + c.statement.text + ";";
    } else {
      // A function runs in its caller's transaction, so the batching is the caller's loop.
      std::string repeat = c.statement.runs == Runs::WhenCalled
                               ? "  -- one batch per call: call the function until it changes 0 rows"
                               : std::string("  -- repeat until it ") + (update ? "updates" : "deletes") + " 0 rows, ideally outside a transaction";
      if (update)  // the SET list as written; only the batch condition is new
        fix = c.statement.text + " WHERE " + batch + ";" + repeat;
      else
        fix = "DELETE FROM " + table + " WHERE " + key + " IN (SELECT " + key + " FROM " + table + " LIMIT 10000);" + repeat;
    }
    out.push_back({std::string(update ? "UPDATE without WHERE changes" : "DELETE without WHERE deletes") + " every row of " + table +
                       " in one statement: " + describe(lock_fact(update ? "update" : "delete", c.settings.pg_version), table) +
                       ", and each of those rows leaves a dead tuple behind.",
                   fix, 0, table});
  }
};

}  // namespace

std::unique_ptr<LintRule> make_mutation_without_where() { return std::make_unique<MutationWithoutWhere>(); }

}  // namespace pgguard::lint
