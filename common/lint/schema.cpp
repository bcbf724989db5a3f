#include "lint/schema.h"

#include <algorithm>

namespace pgguard::lint {

std::string created_table(const Node& statement) {
  if (statement.type() == "CreateStmt") return relation_name(statement.body()["relation"]);
  if (statement.type() == "CreateTableAsStmt") return relation_name(statement.body()["into"]["rel"]);
  return "";
}

std::string truncate_identifier(const std::string& name) {
  if (name.size() <= kMaxIdentifierBytes) return name;
  size_t cut = kMaxIdentifierBytes;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // a UTF-8 continuation byte
  return name.substr(0, cut);
}

std::vector<std::string> referenced_columns(const Node& expression) {
  std::vector<std::string> columns;
  expression.walk([&](const Node& node) {
    std::vector<Node> fields = node["ColumnRef"]["fields"].list();
    if (fields.empty() || !fields.back().has("String")) return;
    std::string name = fields.back().sval();
    if (std::find(columns.begin(), columns.end(), name) == columns.end()) columns.push_back(name);
  });
  return columns;
}

std::vector<std::string> column_names(const Node& list) {
  std::vector<std::string> names;
  for (const Node& item : list.list()) {
    if (item.has("String")) names.push_back(item.sval());
    else if (item.has("IndexElem")) names.push_back(item["IndexElem"].has("name") ? item["IndexElem"].str("name") : "(expression)");
  }
  return names;
}

Column column_type(const Node& type_name) {
  Column c;
  Node t = type_name.has("TypeName") ? type_name["TypeName"] : type_name;
  std::vector<Node> names = t["names"].list();
  if (!names.empty()) c.type = names.back().sval();
  for (const Node& mod : t["typmods"].list()) c.typmods.push_back(mod["A_Const"]["ival"].integer("ival", 0));
  c.is_array = t.has("arrayBounds");
  return c;
}

std::string describe_type(const Column& column) {
  std::string out = column.type;
  if (!column.typmods.empty()) {
    out += "(";
    for (size_t i = 0; i < column.typmods.size(); ++i) out += (i ? "," : "") + std::to_string(column.typmods[i]);
    out += ")";
  }
  return out + (column.is_array ? "[]" : "");
}

const Table* Schema::table(const std::string& name) const {
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

Table* Schema::mutable_table(const std::string& name) {
  auto it = tables_.find(name);
  if (it == tables_.end()) return nullptr;
  save('t', name);
  return &it->second;
}

size_t Schema::checkpoint() {
  ++open_checkpoints_;
  saved_since_checkpoint_.clear();
  return undo_.size();
}

void Schema::save(char kind, const std::string& key) {
  if (!open_checkpoints_ || !saved_since_checkpoint_.insert({kind, key}).second) return;
  Undo undo{std::nullopt, std::nullopt, std::nullopt, kind, key};
  if (kind == 't') {
    if (auto it = tables_.find(key); it != tables_.end()) undo.table = it->second;
  } else if (kind == 'i') {
    if (auto it = indexes_.find(key); it != indexes_.end()) undo.index = it->second;
  } else if (auto it = enums_.find(key); it != enums_.end()) {
    undo.enum_values = it->second;
  }
  undo_.push_back(std::move(undo));
}

void Schema::roll_back(size_t mark) {
  for (size_t i = undo_.size(); i-- > mark;) {
    Undo& undo = undo_[i];
    if (undo.kind == 't') {
      if (undo.table) tables_[undo.key] = std::move(*undo.table);
      else tables_.erase(undo.key);
    } else if (undo.kind == 'i') {
      if (auto it = indexes_.find(undo.key); it != indexes_.end()) {
        index_names_by_leading_column_[leading_column(it->second)].erase(undo.key);
        indexes_.erase(it);
      }
      if (undo.index) {
        index_names_by_leading_column_[leading_column(*undo.index)].insert(undo.key);
        indexes_[undo.key] = std::move(*undo.index);
      }
    } else {
      if (undo.enum_values) enums_[undo.key] = std::move(*undo.enum_values);
      else enums_.erase(undo.key);
    }
  }
  undo_.resize(mark);
  saved_since_checkpoint_.clear();  // the keys saved before the closed checkpoint are saved again: harmless
  keep(mark);
}

void Schema::keep(size_t) {
  // Entries of a kept inner checkpoint stay: they hold the pre-images an outer roll_back needs.
  if (open_checkpoints_ && --open_checkpoints_ == 0) {
    undo_.clear();
    saved_since_checkpoint_.clear();
  }
}

const Column* Schema::column(const std::string& table_name, const std::string& column) const {
  const Table* t = table(table_name);
  if (!t) return nullptr;
  for (const auto& c : t->columns)
    if (c.name == column) return &c;
  return nullptr;
}

const Index* Schema::index(const std::string& name) const {
  auto it = indexes_.find(name);
  return it == indexes_.end() ? nullptr : &it->second;
}

bool Schema::has_validated_not_null_check(const std::string& table, const std::string& column) const {
  if (const Table* t = this->table(table))
    for (const auto& constraint : t->constraints)
      if (constraint.kind == 'c' && constraint.validated && constraint.not_null_column == column) return true;
  return false;
}

const std::vector<std::string>* Schema::enum_values(const std::string& name) const {
  auto it = enums_.find(name);
  return it == enums_.end() ? nullptr : &it->second;
}

std::string Schema::row_key(const std::string& table_name) const {
  if (const Table* t = table(table_name))
    for (const auto& constraint : t->constraints)
      if (constraint.kind == 'p' && constraint.columns.size() == 1) return constraint.columns[0];
  return "ctid";
}

std::pair<std::string, std::string> Schema::leading_column(const Index& index) {
  return {index.table, index.columns.empty() ? "" : index.columns[0]};
}

bool Schema::has_leading_index(const std::string& table_name, const std::vector<std::string>& columns) const {
  auto leads = [&](const std::vector<std::string>& indexed) {
    return indexed.size() >= columns.size() && std::equal(columns.begin(), columns.end(), indexed.begin());
  };
  // Indexes whose first column is columns[0]; with no columns, every index of the table.
  auto from = index_names_by_leading_column_.lower_bound({table_name, columns.empty() ? "" : columns[0]});
  for (auto it = from; it != index_names_by_leading_column_.end() && it->first.first == table_name; ++it) {
    if (!columns.empty() && it->first.second != columns[0]) break;
    for (const auto& name : it->second)
      if (leads(indexes_.at(name).columns)) return true;
  }
  if (const Table* t = table(table_name))
    for (const auto& c : t->constraints)
      if ((c.kind == 'p' || c.kind == 'u') && leads(c.columns)) return true;
  return false;
}

void Schema::put_index(const Index& index) {
  save('i', index.name);
  remove_index(index.name);
  indexes_[index.name] = index;
  index_names_by_leading_column_[leading_column(index)].insert(index.name);
}

void Schema::remove_index(const std::string& name) {
  auto it = indexes_.find(name);
  if (it == indexes_.end()) return;
  save('i', name);
  index_names_by_leading_column_[leading_column(it->second)].erase(name);
  indexes_.erase(it);
}

void Schema::add_constraint(Table& table, const Node& node, const std::string& column) {
  Node c = node["Constraint"];
  std::string type = c.str("contype");
  Constraint constraint;
  constraint.name = c.str("conname");
  constraint.validated = !c.flag("skip_validation");
  if (type == "CONSTR_NOTNULL") {
    for (auto& col : table.columns)
      if (col.name == column) col.not_null = true;
    return;
  }
  if (type == "CONSTR_DEFAULT" || type == "CONSTR_IDENTITY" || type == "CONSTR_GENERATED") {
    for (auto& col : table.columns)
      if (col.name == column) col.has_default = true;
    return;
  }
  if (type == "CONSTR_PRIMARY") constraint.kind = 'p';
  else if (type == "CONSTR_UNIQUE") constraint.kind = 'u';
  else if (type == "CONSTR_FOREIGN") constraint.kind = 'f';
  else if (type == "CONSTR_CHECK") constraint.kind = 'c';
  else if (type == "CONSTR_EXCLUSION") constraint.kind = 'x';
  else return;
  constraint.columns = column_names(constraint.kind == 'f' ? c["fk_attrs"] : c["keys"]);
  if (constraint.columns.empty() && !column.empty()) constraint.columns = {column};
  if (constraint.kind == 'p')
    for (auto& col : table.columns)
      if (std::find(constraint.columns.begin(), constraint.columns.end(), col.name) != constraint.columns.end()) col.not_null = true;
  if (constraint.kind == 'c') {
    Node test = c["raw_expr"]["NullTest"];
    if (test && test.str("nulltesttype") == "IS_NOT_NULL") {
      std::vector<Node> fields = test["arg"]["ColumnRef"]["fields"].list();
      if (fields.size() == 1) constraint.not_null_column = fields[0].sval();
    }
  }
  if (constraint.name.empty()) {  // PostgreSQL's own names: orders_pkey, orders_a_b_key, orders_user_id_fkey, orders_total_check
    std::string columns;
    for (const auto& c : constraint.columns) columns += c + "_";
    if (constraint.kind == 'p') constraint.name = table.name + "_pkey";
    else if (constraint.kind == 'u') constraint.name = table.name + "_" + columns + "key";
    else if (constraint.kind == 'f') constraint.name = table.name + "_" + columns + "fkey";
    else if (constraint.kind == 'x') constraint.name = table.name + "_" + columns + "excl";
    else constraint.name = table.name + "_" + columns + "check";
  }
  table.constraints.push_back(std::move(constraint));
}

void Schema::create_table(const Node& n) {
  Table table;
  table.name = relation_name(n["relation"]);
  table.partitioned = n.has("partspec");
  if (n.has("partbound")) {
    std::vector<Node> parents = n["inhRelations"].list();
    if (!parents.empty()) table.partition_of = relation_name(parents[0]);
  }
  for (const Node& element : n["tableElts"].list()) {
    if (Node def = element["ColumnDef"]) {
      Column column = column_type(def["typeName"]);
      column.name = def.str("colname");
      column.not_null = def.flag("is_not_null");
      table.columns.push_back(column);
      for (const Node& constraint : def["constraints"].list()) add_constraint(table, constraint, column.name);
    } else if (element.has("Constraint")) {
      add_constraint(table, element);
    }
  }
  save('t', table.name);
  tables_[table.name] = std::move(table);
}

void Schema::alter_table(const Node& n) {
  Table* table = mutable_table(relation_name(n["relation"]));
  if (!table) return;
  for (const Node& item : n["cmds"].list()) {
    Node cmd = item["AlterTableCmd"];
    std::string subtype = cmd.str("subtype");
    std::string name = cmd.str("name");
    auto col = std::find_if(table->columns.begin(), table->columns.end(), [&](const Column& c) { return c.name == name; });
    if (subtype == "AT_AddColumn") {
      Node def = cmd["def"]["ColumnDef"];
      Column column = column_type(def["typeName"]);
      column.name = def.str("colname");
      column.not_null = def.flag("is_not_null");
      table->columns.push_back(column);
      for (const Node& constraint : def["constraints"].list()) add_constraint(*table, constraint, column.name);
    } else if (subtype == "AT_DropColumn" && col != table->columns.end()) {
      table->columns.erase(col);
    } else if (subtype == "AT_AlterColumnType" && col != table->columns.end()) {
      Column changed = column_type(cmd["def"]["ColumnDef"]["typeName"]);
      col->type = changed.type;
      col->typmods = changed.typmods;
      col->is_array = changed.is_array;
    } else if (subtype == "AT_SetNotNull" && col != table->columns.end()) {
      col->not_null = true;
    } else if (subtype == "AT_DropNotNull" && col != table->columns.end()) {
      col->not_null = false;
    } else if (subtype == "AT_ColumnDefault" && col != table->columns.end()) {
      col->has_default = cmd.has("def");
    } else if (subtype == "AT_AddConstraint") {
      add_constraint(*table, cmd["def"]);
    } else if (subtype == "AT_ValidateConstraint") {
      for (auto& c : table->constraints)
        if (c.name == name) c.validated = true;
    } else if (subtype == "AT_DropConstraint") {
      table->constraints.erase(std::remove_if(table->constraints.begin(), table->constraints.end(),
                                              [&](const Constraint& c) { return c.name == name; }),
                               table->constraints.end());
    }
  }
}

void Schema::apply(const Node& statement) {
  std::string_view type = statement.type();
  Node n = statement.body();
  if (type == "CreateStmt") {
    create_table(n);
  } else if (type == "AlterTableStmt") {
    alter_table(n);
  } else if (type == "IndexStmt") {
    Index index;
    index.name = n.str("idxname");
    index.table = relation_name(n["relation"]);
    index.columns = column_names(n["indexParams"]);
    index.unique = n.flag("unique");
    if (!index.name.empty()) put_index(index);
  } else if (type == "CreateEnumStmt") {
    std::vector<std::string> values;
    for (const Node& v : n["vals"].list()) values.push_back(v.sval());
    std::vector<Node> names = n["typeName"].list();
    if (!names.empty()) {
      save('e', names.back().sval());
      enums_[names.back().sval()] = values;
    }
  } else if (type == "AlterEnumStmt") {
    std::vector<Node> names = n["typeName"].list();
    if (!names.empty() && n.has("newVal") && !n.has("oldVal")) {
      save('e', names.back().sval());
      enums_[names.back().sval()].push_back(n.str("newVal"));
    }
  } else if (type == "RenameStmt") {
    std::string rename = n.str("renameType");
    std::string from = relation_name(n["relation"]);
    if (rename == "OBJECT_TABLE" && tables_.count(from)) {
      Table t = tables_[from];
      t.name = n.str("newname");
      save('t', from);
      save('t', t.name);
      tables_.erase(from);
      tables_[t.name] = t;
    } else if (rename == "OBJECT_COLUMN") {
      if (Table* t = mutable_table(from))
        for (auto& c : t->columns)
          if (c.name == n.str("subname")) c.name = n.str("newname");
    } else if (rename == "OBJECT_INDEX" && indexes_.count(from)) {
      Index idx = indexes_[from];
      idx.name = n.str("newname");
      remove_index(from);
      put_index(idx);
    }
  } else if (type == "DropStmt") {
    std::string remove = n.str("removeType");
    for (const Node& object : n["objects"].list()) {
      std::vector<Node> parts = object.list();
      std::string name = parts.empty() ? object.sval() : parts.back().sval();
      char kind = remove == "OBJECT_TABLE" ? 't' : remove == "OBJECT_INDEX" ? 'i' : remove == "OBJECT_TYPE" ? 'e' : 0;
      if (kind) save(kind, name);
      if (kind == 't') tables_.erase(name);
      else if (kind == 'i') remove_index(name);
      else if (kind == 'e') enums_.erase(name);
    }
  }
}

}  // namespace pgguard::lint
