// The rule behind missing-lock-timeout and missing-statement-timeout: they differ only in the
// setting they look for and what they say. Header only, so the rule registry (generated from
// rules/*.cpp) lists just the two factories.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "lint/rule.h"

namespace pgguard::lint {

class MissingTimeout : public LintRule {
 public:
  struct Params {
    std::string id;       // "missing-lock-timeout"
    std::string setting;  // "lock_timeout"
    // What can go wrong without the setting, given the relation: the middle of the message.
    std::string (*risk)(const std::string& relation);
    std::string value;  // suggested in the fix: "'2s'"
    std::string note;   // the fix's comment
  };

  explicit MissingTimeout(Params params) : params_(std::move(params)) {}

  std::string_view id() const override { return params_.id; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    std::optional<StrongLock> lock = strong_lock(c.statement, c.schema, c.state.created_tables, c.settings.pg_version);
    if (!lock || covered_or_reported(c)) return;
    out.push_back({"This statement takes " + lock->lock + " on " + lock->relation + " with no " + params_.setting + " set: " +
                       params_.risk(lock->relation) + " Reported once, for the first such statement.",
                   std::string(c.in_transaction ? "SET LOCAL " : "SET ") + params_.setting + " = " + params_.value +
                       ";  -- " + params_.note,
                   0, lock->relation});
  }

 private:
  struct StrongLock {
    std::string relation;
    std::string lock;
  };

  Params params_;

  // Whether a statement gives the session a non-zero setting (SET [LOCAL] or SELECT set_config(...)).
  bool sets_timeout(const Statement& s) const {
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
      return n.str("name") == params_.setting && n.str("kind") == "VAR_SET_VALUE" && !args.empty() && non_zero(args[0]);
    }
    bool found = false;
    if (s.type == "SelectStmt")
      n.walk([&](const Node& node) {
        Node call = node["FuncCall"];
        std::vector<Node> names = call["funcname"].list(), args = call["args"].list();
        if (!names.empty() && names.back().sval() == "set_config" && args.size() >= 2 &&
            args[0]["A_Const"]["sval"].str("sval") == params_.setting && non_zero(args[1]))
          found = true;
      });
    return found;
  }

  // The first relation not created earlier in the file that the statement locks SHARE or stronger:
  // waiting for such a lock queues every later writer (or reader) of the table behind it, and
  // holding it through a long scan or rewrite blocks them for as long as that runs.
  static std::optional<StrongLock> strong_lock(const Statement& s, const Schema& schema, const std::set<std::string>& created,
                                               int pg_version) {
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
        if (Node cmd = item["AlterTableCmd"]; cmd.str("subtype") == "AT_AddColumn") add_references(cmd["def"]["ColumnDef"]["constraints"]);
    }
    for (const auto& form : forms) {
      if (form.relation.empty() || created.count(form.relation) || (s.type == "CreateStmt" && form.relation == own)) continue;
      const std::string& lock = lock_fact(form.form, pg_version).lock;
      if (lock_strength(lock) >= lock_strength("SHARE")) return StrongLock{form.relation, lock};
    }
    return std::nullopt;
  }

  // Earlier statements of the same direction (up or down run at different times): a SET before this statement
  // covers it, and an earlier statement that needed one already got the finding.
  bool covered_or_reported(const StatementContext& c) const {
    std::set<std::string> created;  // by the earlier statements of this direction, as each of them saw it
    for (const auto& s : c.migration.statements) {
      if (&s == &c.statement) return false;
      if (!s.node || c.migration.file.sections[s.section].direction != c.section.direction) continue;
      if (sets_timeout(s) || strong_lock(s, c.schema, created, c.settings.pg_version)) return true;
      if (std::string table = created_table(s.node); !table.empty()) created.insert(table);
    }
    return false;
  }
};

}  // namespace pgguard::lint
