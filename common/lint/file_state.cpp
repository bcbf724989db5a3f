#include "lint/file_state.h"

#include "lint/lock_facts.h"
#include "lint/schema.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

// Whether a SET value or set_config argument leaves the timeout on: 0, '0' and '0ms' switch it off.
bool non_zero(const Node& value) {
  Node constant = value["A_Const"];
  if (constant.has("ival")) return constant["ival"].integer("ival", 0) != 0;
  std::string text = constant["sval"].str("sval");
  std::string number = text.substr(0, text.find_first_not_of("0123456789"));
  return !number.empty() && number.find_first_not_of('0') != std::string::npos;
}

// The settings a statement gives the session a non-zero value: SET [LOCAL] x = v, SELECT set_config('x', v, ...).
void note_settings(const Statement& s, std::set<std::string>& set) {
  Node n = s.node.body();
  if (s.type == "VariableSetStmt") {
    std::vector<Node> args = n["args"].list();
    if (n.str("kind") == "VAR_SET_VALUE" && !args.empty() && non_zero(args[0])) set.insert(n.str("name"));
  } else if (s.type == "SelectStmt") {
    n.walk([&](const Node& node) {
      Node call = node["FuncCall"];
      std::vector<Node> names = call["funcname"].list(), args = call["args"].list();
      if (!names.empty() && names.back().sval() == "set_config" && args.size() >= 2 && non_zero(args[1]))
        set.insert(args[0]["A_Const"]["sval"].str("sval"));
    });
  }
}

}  // namespace

std::optional<StrongLock> strong_lock(const Statement& s, const std::vector<FormOnRelation>& statement_forms,
                                      const std::set<std::string>& created, int pg_version) {
  std::vector<FormOnRelation> forms = statement_forms;
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
      if (Node cmd = item["AlterTableCmd"]; cmd.str("subtype") == "AT_AddColumn") add_references(cmd["def"]["ColumnDef"]["constraints"]);
  }
  static const int kShare = lock_strength("SHARE");
  for (const auto& form : forms) {
    if (form.relation.empty() || created.count(form.relation) || (s.type == "CreateStmt" && form.relation == own)) continue;
    const std::string& lock = lock_fact(form.form, pg_version).lock;
    if (lock_strength(lock) >= kShare) return StrongLock{form.relation, lock};
  }
  return std::nullopt;
}

void advance(FileState& state, const Statement& s, Direction direction, const std::vector<FormOnRelation>& forms,
             const Schema& schema, int pg_version, bool in_transaction) {
  DirectionState& earlier = state.in(direction);
  if (!earlier.strong_lock_taken) earlier.strong_lock_taken = strong_lock(s, forms, state.created_tables, pg_version).has_value();
  note_settings(s, earlier.timeouts_set);
  Node n = s.node.body();
  std::string_view type = s.type;
  if (type == "TransactionStmt") {
    std::string kind = n.str("kind");
    if (kind == "TRANS_STMT_BEGIN" || kind == "TRANS_STMT_START") {
      state.explicit_transaction = true;
      ++state.transaction;
    } else if (kind == "TRANS_STMT_COMMIT" || kind == "TRANS_STMT_ROLLBACK") {
      state.explicit_transaction = false;
      state.access_exclusive_in_transaction.clear();
    }
    return;
  }
  if (type == "CreateStmt" || type == "CreateTableAsStmt") {
    state.created_tables.insert(created_table(s.node));
  } else if (type == "IndexStmt") {
    state.created_indexes.insert(n.str("idxname"));
  } else if (type == "CreateEnumStmt") {
    std::vector<Node> names = n["typeName"].list();
    if (!names.empty()) state.created_types.insert(names.back().sval());
  } else if (type == "AlterTableStmt") {
    std::string table = relation_name(n["relation"]);
    ++state.alter_table_count[table];
    for (const Node& item : n["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      Node c = cmd["def"]["Constraint"];
      if (cmd.str("subtype") == "AT_AddConstraint" && c) {
        if (c.flag("skip_validation")) state.not_valid_added[c.str("conname")] = state.transaction;
        Node test = c["raw_expr"]["NullTest"];
        if (!c.flag("skip_validation") && test.str("nulltesttype") == "IS_NOT_NULL") {
          std::vector<Node> fields = test["arg"]["ColumnRef"]["fields"].list();
          if (fields.size() == 1) state.validated_not_null.insert(table + "." + fields[0].sval());
        }
      }
      if (cmd.str("subtype") == "AT_ValidateConstraint")
        if (const Table* t = schema.table(table))
          for (const auto& constraint : t->constraints)
            if (constraint.name == cmd.str("name") && !constraint.not_null_column.empty())
              state.validated_not_null.insert(table + "." + constraint.not_null_column);
    }
  }
  if (in_transaction && state.access_exclusive_in_transaction.empty()) {
    for (const auto& form : forms) {
      if (form.relation.empty() || state.created_tables.count(form.relation)) continue;  // unknown tables count as existing
      if (lock_fact(form.form, pg_version).lock == "ACCESS EXCLUSIVE") {
        state.access_exclusive_in_transaction = shorten(s.text, 80);
        break;
      }
    }
  }
}

}  // namespace pgguard::lint
