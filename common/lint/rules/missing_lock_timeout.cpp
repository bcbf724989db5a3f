#include <optional>
#include <set>

#include "lint/rule.h"

namespace pgguard::lint {
namespace {

constexpr const char* kSetting = "lock_timeout";

struct StrongLock {
  std::string relation;
  std::string lock;
};

// Whether a statement gives the session a non-zero kSetting (SET [LOCAL] or SELECT set_config(...)).
bool sets_timeout(const Statement& s) {
  auto non_zero = [](const Node& value) {  // 0, '0', '0ms' switch the timeout off
    Node constant = value["A_Const"];
    if (constant.has("ival")) return constant["ival"].integer("ival", 0) != 0;
    std::string text = constant["sval"].str("sval");
    size_t digits = text.find_first_not_of("0123456789");
    std::string number = text.substr(0, digits);
    return !number.empty() && number.find_first_not_of('0') != std::string::npos;
  };
  Node n = s.node.body();
  if (s.type == "VariableSetStmt") {
    std::vector<Node> args = n["args"].list();
    return n.str("name") == kSetting && n.str("kind") == "VAR_SET_VALUE" && !args.empty() && non_zero(args[0]);
  }
  bool found = false;
  if (s.type == "SelectStmt")
    n.walk([&](const Node& node) {
      Node call = node["FuncCall"];
      std::vector<Node> names = call["funcname"].list(), args = call["args"].list();
      if (!names.empty() && names.back().sval() == "set_config" && args.size() >= 2 && args[0]["A_Const"]["sval"].str("sval") == kSetting &&
          non_zero(args[1]))
        found = true;
    });
  return found;
}

// The first relation not created earlier in the file that the statement locks SHARE or stronger: those locks
// queue every later writer (or reader) of the table while the statement waits for its own lock.
std::optional<StrongLock> strong_lock(const Statement& s, const Schema& schema, const std::set<std::string>& created, int pg_version) {
  std::vector<FormOnRelation> forms = statement_forms(s.node, schema, pg_version);
  // statement_forms leaves out the referenced table of a REFERENCES in CREATE TABLE or ADD COLUMN.
  Node n = s.node.body();
  std::string own = relation_name(n["relation"]);
  auto add_references = [&](const Node& constraints) {
    for (const Node& item : constraints.list())
      if (item["Constraint"].str("contype") == "CONSTR_FOREIGN")
        forms.push_back({"add-foreign-key-not-valid", relation_name(item["Constraint"]["pktable"])});
  };
  if (s.type == "CreateStmt") {
    for (const Node& element : n["tableElts"].list()) {
      add_references(element["ColumnDef"]["constraints"]);
      if (element["Constraint"].str("contype") == "CONSTR_FOREIGN")
        forms.push_back({"add-foreign-key-not-valid", relation_name(element["Constraint"]["pktable"])});
    }
  } else if (s.type == "AlterTableStmt") {
    for (const Node& item : n["cmds"].list())
      if (item["AlterTableCmd"].str("subtype") == "AT_AddColumn") add_references(item["AlterTableCmd"]["def"]["ColumnDef"]["constraints"]);
  }
  for (const auto& form : forms) {
    if (form.relation.empty() || created.count(form.relation) || (s.type == "CreateStmt" && form.relation == own)) continue;
    const std::string& lock = lock_fact(form.form).lock;
    if (lock_strength(lock) >= lock_strength("SHARE")) return StrongLock{form.relation, lock};
  }
  return std::nullopt;
}

void note_created(const Statement& s, std::set<std::string>& created) {
  Node n = s.node.body();
  if (s.type == "CreateStmt") created.insert(relation_name(n["relation"]));
  if (s.type == "CreateTableAsStmt") {  // libpg_query puts the RangeVar at into.rel
    Node into = n["into"];
    created.insert(relation_name(into.has("IntoClause") ? into["IntoClause"]["rel"] : into["rel"]));
  }
}

class MissingLockTimeout : public LintRule {
 public:
  std::string_view id() const override { return "missing-lock-timeout"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    // FileState misses CREATE TABLE AS / MATERIALIZED VIEW, so those are added from the earlier statements.
    std::set<std::string> created = c.state.created_tables;
    for (const auto& s : c.migration.statements) {
      if (&s == &c.statement) break;
      if (s.type == "CreateTableAsStmt") note_created(s, created);
    }
    std::optional<StrongLock> lock = strong_lock(c.statement, c.schema, created, c.settings.pg_version);
    if (!lock || covered_or_reported(c)) return;
    out.push_back({"This statement takes " + lock->lock + " on " + lock->relation + " with no " + kSetting +
                       " set: while it waits behind a long transaction, every later query on " + lock->relation +
                       " that conflicts queues behind it. Reported once, for the first such statement.",
                   std::string(c.in_transaction ? "SET LOCAL " : "SET ") + kSetting +
                       " = '2s';  -- before this statement; retry the migration when it times out",
                   0, lock->relation});
  }

 private:
  // Earlier statements of the same direction (up or down run at different times): a SET before this statement
  // covers it, and an earlier statement that needed one already got the finding.
  static bool covered_or_reported(const StatementContext& c) {
    std::set<std::string> created;
    for (const auto& s : c.migration.statements) {
      if (&s == &c.statement) return false;
      if (!s.node || c.migration.file.sections[s.section].direction != c.section.direction) continue;
      if (sets_timeout(s) || strong_lock(s, c.schema, created, c.settings.pg_version)) return true;
      note_created(s, created);
    }
    return false;
  }
};

}  // namespace

std::unique_ptr<LintRule> make_missing_lock_timeout() { return std::make_unique<MissingLockTimeout>(); }

}  // namespace pgguard::lint
