#include <algorithm>

#include "lint/rule.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

// The CONCURRENTLY form a statement uses ("" when none); all of them refuse to run in a transaction block.
std::string concurrent_form(std::string_view type, const Node& n) {
  if (type == "IndexStmt" && n.flag("concurrent")) return "CREATE INDEX CONCURRENTLY";
  if (type == "DropStmt" && n.str("removeType") == "OBJECT_INDEX" && n.flag("concurrent")) return "DROP INDEX CONCURRENTLY";
  if (type == "ReindexStmt")
    for (const Node& p : n["params"].list())
      if (p["DefElem"].str("defname") == "concurrently") return "REINDEX CONCURRENTLY";
  if (type == "AlterTableStmt")
    for (const Node& item : n["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      if (cmd.str("subtype") == "AT_DetachPartition" && cmd["def"]["PartitionCmd"].flag("concurrent"))
        return "DETACH PARTITION CONCURRENTLY";
    }
  return "";
}

// What Flyway's PostgreSQL parser treats as non-transactional (detectCanExecuteInTransaction): a script made
// only of these runs without a transaction. REINDEX of a table or index and DETACH CONCURRENTLY are not among them.
bool flyway_non_transactional(const Statement& s, int pg_version) {
  Node n = s.node.body();
  std::string_view type = s.type;
  if (type == "IndexStmt") return n.flag("concurrent");
  if (type == "DropStmt") return n.str("removeType") == "OBJECT_INDEX" && n.flag("concurrent");
  if (type == "ReindexStmt") {
    std::string kind = n.str("kind");
    return kind == "REINDEX_OBJECT_SCHEMA" || kind == "REINDEX_OBJECT_DATABASE" || kind == "REINDEX_OBJECT_SYSTEM";
  }
  if (type == "AlterEnumStmt") return n.has("newVal") && !n.has("oldVal") && pg_version < 12;
  if (type == "DiscardStmt") return n.str("target") == "DISCARD_ALL";
  return type == "VacuumStmt" || type == "CreatedbStmt" || type == "DropdbStmt" || type == "CreateTableSpaceStmt" ||
         type == "DropTableSpaceStmt" || type == "CreateSubscriptionStmt" || type == "DropSubscriptionStmt" || type == "AlterSystemStmt";
}

// A Flyway script config (V1__x.sql.conf) can switch the transaction off for one script.
bool flyway_conf_disables_transaction(const std::string& path) {
  auto conf = read_file_bounded(path + ".conf", 64 * 1024);
  if (!conf) return false;
  for (const auto& line : split_lines(*conf)) {
    std::string t = to_lower(trim(line));
    t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
    if (t == "executeintransaction=false") return true;
  }
  return false;
}

class ConcurrentlyInTransaction : public LintRule {
 public:
  std::string_view id() const override { return "concurrently-in-transaction"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    std::string form = concurrent_form(c.type(), c.node());
    if (form.empty() || !c.in_transaction) return;
    const MigrationFile& file = c.migration.file;
    if (file.tool == Tool::Flyway && !c.state.explicit_transaction && flyway_runs_without_transaction(c)) return;
    out.push_back({form + " runs inside a transaction here (" + why(c) +
                       "), where PostgreSQL rejects it with \"cannot run inside a transaction block\" and the migration fails.",
                   fix(c, form), 0, ""});
  }

 private:
  static bool flyway_runs_without_transaction(const StatementContext& c) {
    if (flyway_conf_disables_transaction(c.migration.file.path)) return true;
    for (const auto& s : c.migration.statements)
      if (!s.embedded && s.parse_error.empty() && !flyway_non_transactional(s, c.settings.pg_version)) return false;
    return true;
  }

  static std::string why(const StatementContext& c) {
    if (c.state.explicit_transaction) return "between BEGIN and COMMIT";
    std::string tool = tool_name(c.migration.file.tool);
    switch (c.section.tx) {
      case TxMode::Implicit:
        return tool + " sends the file as one multi-statement query, which PostgreSQL runs as one implicit transaction";
      case TxMode::Single:
        if (c.migration.file.tool == Tool::Flyway)
          return "Flyway runs the script in a transaction: it holds transactional statements too, or Flyway does not recognise this "
                 "one as non-transactional";
        return tool + " runs this " + (c.section.label.empty() ? "file" : "section") + " in one transaction";
      case TxMode::Autocommit:
        break;
    }
    return "the tool opens a transaction";
  }

  static std::string fix(const StatementContext& c, const std::string& form) {
    std::string statement = c.statement.text + ";";
    if (c.state.explicit_transaction) return "-- move it after COMMIT, outside BEGIN ... COMMIT:\n" + statement;
    if (c.migration.file.tool == Tool::Flyway && form != "CREATE INDEX CONCURRENTLY" && form != "DROP INDEX CONCURRENTLY")
      return "-- its own V<n>__*.sql script plus a V<n>__*.sql.conf holding executeInTransaction=false:\n" + statement;
    return outside_transaction_fix(c, statement);
  }
};

}  // namespace

std::unique_ptr<LintRule> make_concurrently_in_transaction() { return std::make_unique<ConcurrentlyInTransaction>(); }

}  // namespace pgguard::lint
