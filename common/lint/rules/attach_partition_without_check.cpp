#include "lint/rule.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

// A bound value as SQL; "" for MINVALUE/MAXVALUE and anything that is not a plain constant.
std::string datum(const Node& value) {
  Node constant = value["A_Const"];
  if (!constant) return "";
  if (constant.has("sval")) {
    std::string text = constant["sval"].str("sval"), quoted = "'";
    for (char ch : text) quoted += ch == '\'' ? std::string("''") : std::string(1, ch);
    return quoted + "'";
  }
  if (constant.has("ival")) return std::to_string(constant["ival"].integer("ival", 0));
  if (constant.has("fval")) return constant["fval"].str("fval");
  if (constant.has("boolval")) return constant["boolval"].flag("boolval") ? "true" : "false";
  return "";
}

// The partition key when the parent is created in this file with a single-column key; the Schema does not keep it.
std::string partition_key(const StatementContext& c, const std::string& parent) {
  for (const auto& s : c.migration.statements) {
    if (&s == &c.statement) break;
    Node n = s.node.body();
    if (s.type != "CreateStmt" || relation_name(n["relation"]) != parent) continue;
    std::vector<Node> params = n["partspec"]["partParams"].list();
    if (params.size() == 1 && params[0]["PartitionElem"].has("name")) return params[0]["PartitionElem"].str("name");
  }
  return "<partition key>";
}

// A CHECK expression equivalent to the partition bound, so ATTACH can skip its scan; "" when there is none.
std::string bound_check(const Node& bound, const std::string& key) {
  std::string strategy = bound.str("strategy");
  if (strategy == "r") {
    std::vector<Node> lower = bound["lowerdatums"].list(), upper = bound["upperdatums"].list();
    if (lower.size() != 1 || upper.size() != 1) return "";
    std::string out = key + " IS NOT NULL";
    if (std::string low = datum(lower[0]); !low.empty()) out += " AND " + key + " >= " + low;
    if (std::string high = datum(upper[0]); !high.empty()) out += " AND " + key + " < " + high;
    return out;
  }
  if (strategy == "l") {
    std::vector<std::string> values;
    for (const Node& v : bound["listdatums"].list()) {
      std::string d = datum(v);
      if (d.empty()) return "";
      values.push_back(d);
    }
    return values.empty() ? "" : key + " IS NOT NULL AND " + key + " IN (" + join(values, ", ") + ")";
  }
  return "";
}

class AttachPartitionWithoutCheck : public LintRule {
 public:
  std::string_view id() const override { return "attach-partition-without-check"; }

  void check(const StatementContext& c, std::vector<RuleFinding>& out) const override {
    if (c.type() != "AlterTableStmt") return;
    std::string parent = relation_name(c.node()["relation"]);
    for (const Node& item : c.node()["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      if (cmd.str("subtype") != "AT_AttachPartition") continue;
      Node partition_cmd = cmd["def"]["PartitionCmd"];
      std::string partition = relation_name(partition_cmd["name"]);
      if (c.is_new_table(partition) || has_validated_check(c, partition)) continue;  // empty, or the CHECK lets it skip the scan
      out.push_back({"ATTACH PARTITION " + partition + " with no validated CHECK matching its bound takes " +
                         a_lock(lock_fact("attach-partition", c.settings.pg_version), partition) + ".",
                     fix(c, parent, partition_cmd), 0, partition});
    }
  }

 private:
  // The Schema keeps no CHECK expressions, so any validated CHECK other than a lone IS NOT NULL counts as matching.
  static bool has_validated_check(const StatementContext& c, const std::string& partition) {
    if (const Table* t = c.schema.table(partition))
      for (const auto& constraint : t->constraints)
        if (constraint.kind == 'c' && constraint.validated && constraint.not_null_column.empty()) return true;
    return false;
  }

  static std::string fix(const StatementContext& c, const std::string& parent, const Node& partition_cmd) {
    std::string partition = relation_name(partition_cmd["name"]), p = qualified_name(partition_cmd["name"]);
    std::string expression = bound_check(partition_cmd["bound"], partition_key(c, parent));
    if (expression.empty()) expression = "<the partition bound as an expression>";
    std::string check = truncate_identifier(partition + "_partition_bound");
    return "ALTER TABLE " + p + " ADD CONSTRAINT " + check + " CHECK (" + expression + ") NOT VALID;\n" + "ALTER TABLE " + p +
           " VALIDATE CONSTRAINT " + check + ";  -- scans without blocking reads or writes\n" + c.statement.text +
           ";  -- no scan: the CHECK proves the bound\n" + "ALTER TABLE " + p + " DROP CONSTRAINT " + check + ";";
  }
};

}  // namespace

std::unique_ptr<LintRule> make_attach_partition_without_check() { return std::make_unique<AttachPartitionWithoutCheck>(); }

}  // namespace pgguard::lint
