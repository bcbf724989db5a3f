#include "lint/forms.h"

#include <set>

namespace pgguard::lint {

bool is_volatile_default(const Node& expression) {
  static const std::set<std::string> kVolatile = {"gen_random_uuid", "uuid_generate_v4", "uuid_generate_v1", "random",
                                                  "clock_timestamp", "timeofday", "nextval", "txid_current", "uuidv7",
                                                  "statement_timestamp", "setseed", "gen_random_bytes"};
  bool found = false;
  expression.walk([&](const Node& node) {
    if (Node call = node["FuncCall"]) {
      std::vector<Node> names = call["funcname"].list();
      if (!names.empty() && kVolatile.count(names.back().sval())) found = true;
    }
  });
  return found;
}

bool is_binary_coercible(const Column& from, const Column& to) {
  if (from.is_array != to.is_array) return false;
  if (from.type == to.type) {
    if (to.typmods.empty()) return true;  // varchar(20) -> varchar
    if (from.typmods.empty()) return false;
    if (from.type == "varchar") return to.typmods[0] >= from.typmods[0];
    if (from.type == "numeric") {
      int64_t from_scale = from.typmods.size() > 1 ? from.typmods[1] : 0, to_scale = to.typmods.size() > 1 ? to.typmods[1] : 0;
      return from_scale == to_scale && to.typmods[0] >= from.typmods[0];
    }
    return from.typmods == to.typmods;
  }
  if (from.type == "varchar" && to.type == "text") return true;
  if (from.type == "text" && to.type == "varchar" && to.typmods.empty()) return true;
  return false;
}

namespace {

std::string alter_table_form(const Node& cmd, const std::string& table, const Schema& schema, int pg_version) {
  std::string subtype = cmd.str("subtype");
  if (subtype == "AT_AddColumn") {
    Node def = cmd["def"]["ColumnDef"];
    bool not_null = def.flag("is_not_null"), has_default = false, is_volatile = false, generated = false;
    Column type = column_type(def["typeName"]);
    if (type.type == "serial" || type.type == "bigserial" || type.type == "smallserial" || type.type == "serial4" ||
        type.type == "serial8")
      generated = true;
    for (const Node& c : def["constraints"].list()) {
      std::string contype = c["Constraint"].str("contype");
      if (contype == "CONSTR_NOTNULL") not_null = true;
      if (contype == "CONSTR_DEFAULT") {
        has_default = true;
        is_volatile = is_volatile_default(c["Constraint"]["raw_expr"]);
      }
      if (contype == "CONSTR_IDENTITY" || (contype == "CONSTR_GENERATED")) generated = true;
    }
    if (generated) return "add-column-generated";
    if (has_default && (is_volatile || pg_version < 11)) return "add-column-volatile-default";
    if (not_null && !has_default) return "add-column-not-null";
    return "add-column";
  }
  if (subtype == "AT_AlterColumnType") {
    const Column* old = schema.column(table, cmd.str("name"));
    Column target = column_type(cmd["def"]["ColumnDef"]["typeName"]);
    bool using_expression = cmd["def"]["ColumnDef"].has("raw_default");
    return old && !using_expression && is_binary_coercible(*old, target) ? "alter-column-type-coercible" : "alter-column-type";
  }
  if (subtype == "AT_AddConstraint") {
    Node c = cmd["def"]["Constraint"];
    std::string contype = c.str("contype");
    bool not_valid = c.flag("skip_validation");
    if (c.has("indexname")) return "add-constraint-using-index";
    if (contype == "CONSTR_FOREIGN") return not_valid ? "add-foreign-key-not-valid" : "add-foreign-key";
    if (contype == "CONSTR_CHECK") return not_valid ? "add-check-not-valid" : "add-check";
    if (contype == "CONSTR_UNIQUE") return "add-unique";
    if (contype == "CONSTR_PRIMARY") return "add-primary-key";
    if (contype == "CONSTR_EXCLUSION") return "add-exclusion";
    return "add-check";
  }
  if (subtype == "AT_ValidateConstraint") return "validate-constraint";
  if (subtype == "AT_SetNotNull")
    return pg_version >= 12 && schema.has_validated_not_null_check(table, cmd.str("name")) ? "set-not-null-proven" : "set-not-null";
  if (subtype == "AT_DropNotNull") return "drop-not-null";
  if (subtype == "AT_ColumnDefault") return "set-default";
  if (subtype == "AT_DropColumn") return "drop-column";
  if (subtype == "AT_DropConstraint") return "drop-constraint";
  if (subtype == "AT_DetachPartition") return cmd["def"]["PartitionCmd"].flag("concurrent") ? "detach-partition-concurrently" : "detach-partition";
  if (subtype == "AT_DetachPartitionFinalize") return "detach-partition-concurrently";
  if (subtype == "AT_AttachPartition") return "attach-partition";
  if (subtype == "AT_SetLogged" || subtype == "AT_SetUnLogged") return "set-logged";
  if (subtype == "AT_SetTableSpace") return "set-tablespace";
  if (subtype == "AT_SetAccessMethod") return "set-access-method";
  if (subtype == "AT_SetRelOptions" || subtype == "AT_ResetRelOptions") return "set-storage-parameter";
  if (subtype == "AT_EnableRowSecurity" || subtype == "AT_DisableRowSecurity" || subtype == "AT_ForceRowSecurity") return "enable-rls";
  if (subtype.find("Trig") != std::string::npos) return "enable-trigger";  // ENABLE / DISABLE TRIGGER
  if (subtype == "AT_SetStatistics") return "set-statistics";
  if (subtype == "AT_ClusterOn" || subtype == "AT_DropCluster") return "cluster-on";
  return "add-column";  // other ALTER TABLE actions take ACCESS EXCLUSIVE briefly
}

}  // namespace

std::vector<FormOnRelation> statement_forms(const Node& statement, const Schema& schema, int pg_version) {
  std::vector<FormOnRelation> forms;
  std::string type(statement.type());
  Node n = statement.body();
  if (type == "IndexStmt") {
    forms.push_back({n.flag("concurrent") ? "create-index-concurrently" : "create-index", relation_name(n["relation"])});
  } else if (type == "AlterTableStmt") {
    std::string table = relation_name(n["relation"]);
    for (const Node& item : n["cmds"].list()) {
      Node cmd = item["AlterTableCmd"];
      std::string subtype = cmd.str("subtype");
      if (subtype == "AT_AttachPartition" || subtype == "AT_DetachPartition") {  // both the parent and the partition are locked
        std::string form = alter_table_form(cmd, table, schema, pg_version);
        forms.push_back({subtype == "AT_AttachPartition" ? "attach-partition-parent" : form, table});
        // DETACH ... CONCURRENTLY still takes ACCESS EXCLUSIVE on the partition, in its second transaction.
        forms.push_back({form == "detach-partition-concurrently" ? "detach-partition" : form,
                         relation_name(cmd["def"]["PartitionCmd"]["name"])});
        continue;
      }
      forms.push_back({alter_table_form(cmd, table, schema, pg_version), table});
      Node constraint = cmd["def"]["Constraint"];
      if (constraint.str("contype") == "CONSTR_FOREIGN")  // the referenced table is locked too
        forms.push_back({constraint.flag("skip_validation") ? "add-foreign-key-not-valid" : "add-foreign-key",
                         relation_name(constraint["pktable"])});
    }
  } else if (type == "DropStmt") {
    std::string remove = n.str("removeType");
    for (const Node& object : n["objects"].list()) {
      std::vector<Node> parts = object.list();
      std::string name = parts.empty() ? object.sval() : parts.back().sval();
      if (remove == "OBJECT_INDEX") {
        const Index* index = schema.index(name);
        forms.push_back({n.flag("concurrent") ? "drop-index-concurrently" : "drop-index", index ? index->table : name});
      } else if (remove == "OBJECT_TABLE") {
        forms.push_back({"drop-table", name});
      } else if ((remove == "OBJECT_TRIGGER" || remove == "OBJECT_POLICY") && parts.size() >= 2) {
        forms.push_back({remove == "OBJECT_TRIGGER" ? "drop-trigger" : "policy", parts[parts.size() - 2].sval()});
      }
    }
  } else if (type == "ReindexStmt") {
    bool concurrently = false;
    for (const Node& p : n["params"].list()) concurrently = concurrently || p["DefElem"].str("defname") == "concurrently";
    std::string target = n.has("relation") ? relation_name(n["relation"]) : n.str("name");
    const Index* index = n.str("kind") == "REINDEX_OBJECT_INDEX" ? schema.index(target) : nullptr;
    forms.push_back({concurrently ? "reindex-concurrently" : "reindex", index ? index->table : target});
  } else if (type == "RefreshMatViewStmt") {
    forms.push_back({n.flag("concurrent") ? "refresh-matview-concurrently" : "refresh-matview", relation_name(n["relation"])});
  } else if (type == "VacuumStmt") {
    bool full = false;
    for (const Node& o : n["options"].list()) full = full || o["DefElem"].str("defname") == "full";
    bool analyze_only = !n.flag("is_vacuumcmd");
    if (full || analyze_only)
      for (const Node& r : n["rels"].list())
        forms.push_back({full ? "vacuum-full" : "analyze", relation_name(r["VacuumRelation"]["relation"])});
  } else if (type == "ClusterStmt") {
    forms.push_back({"cluster", relation_name(n["relation"])});
  } else if (type == "LockStmt") {
    for (const Node& r : n["relations"].list()) forms.push_back({"lock-table", relation_name(r)});
  } else if (type == "TruncateStmt") {
    for (const Node& r : n["relations"].list()) forms.push_back({"truncate", relation_name(r)});
  } else if (type == "RenameStmt") {
    forms.push_back({n.str("renameType") == "OBJECT_INDEX" ? "rename-index" : "rename", relation_name(n["relation"])});
  } else if (type == "CreatePolicyStmt" || type == "AlterPolicyStmt") {
    forms.push_back({"policy", relation_name(n["table"])});
  } else if (type == "GrantStmt") {
    if (n.str("objtype") == "OBJECT_TABLE" && n.str("targtype") == "ACL_TARGET_OBJECT")
      for (const Node& r : n["objects"].list()) forms.push_back({"grant", relation_name(r)});
  } else if (type == "AlterEnumStmt") {
    forms.push_back({"alter-enum", ""});
  } else if (type == "CreateTrigStmt") {
    forms.push_back({"create-trigger", relation_name(n["relation"])});
  } else if (type == "CommentStmt") {
    std::string objtype = n.str("objtype");
    std::vector<Node> parts = n["object"].list();
    if (objtype == "OBJECT_TABLE" && !parts.empty()) forms.push_back({"comment", parts.back().sval()});
    if (objtype == "OBJECT_COLUMN" && parts.size() >= 2) forms.push_back({"comment", parts[parts.size() - 2].sval()});
  } else if (type == "UpdateStmt") {
    forms.push_back({"update", relation_name(n["relation"])});
  } else if (type == "DeleteStmt") {
    forms.push_back({"delete", relation_name(n["relation"])});
  }
  return forms;
}

}  // namespace pgguard::lint
