#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pg/node.h"

namespace pgguard::lint {

using pg::Node;  // the parse-tree view the rules read

struct Column {
  std::string name;
  std::string type;              // base type name as PostgreSQL stores it: int4, varchar, timestamptz, ...
  std::vector<int64_t> typmods;  // varchar(20) -> {20}; numeric(10,2) -> {10, 2}
  bool is_array = false;
  bool not_null = false;
  bool has_default = false;
};

struct Constraint {
  std::string name;
  char kind = 'c';  // p primary key, u unique, f foreign key, c check, x exclusion
  std::vector<std::string> columns;
  bool validated = true;
  std::string not_null_column;  // a CHECK (col IS NOT NULL)
};

struct Index {
  std::string name;
  std::string table;
  std::vector<std::string> columns;
  bool unique = false;
};

struct Table {
  std::string name;
  std::vector<Column> columns;
  std::vector<Constraint> constraints;
  bool partitioned = false;
  std::string partition_of;
};

// The database as the migrations so far leave it; relations are keyed by unqualified name.
class Schema {
 public:
  void apply(const Node& statement);  // replays one statement node ({"CreateStmt": ...})

  // An undo log, so that one Schema serves a whole history: a file's down statements, or a whole
  // down file, are rolled back instead of linting every file against a copy of the schema (a copy
  // per file makes a long history quadratic). Checkpoints nest; each is closed by roll_back or keep.
  size_t checkpoint();
  void roll_back(size_t mark);  // undoes every change since `mark`
  void keep(size_t mark);       // keeps the changes since `mark`

  // The history cache keeps a Schema between runs as bytes; nullopt for bytes that are not one.
  std::string serialize() const;
  static std::optional<Schema> deserialize(std::string_view bytes);

  const Table* table(const std::string& name) const;
  const Column* column(const std::string& table, const std::string& column) const;
  const Index* index(const std::string& name) const;
  const std::vector<std::string>* enum_values(const std::string& name) const;
  // Whether a validated CHECK (column IS NOT NULL) proves the column has no NULLs (PostgreSQL 12+
  // then skips the SET NOT NULL scan).
  bool has_validated_not_null_check(const std::string& table, const std::string& column) const;
  // Whether an index, primary key or unique constraint on `table` starts with `columns`.
  bool has_leading_index(const std::string& table, const std::vector<std::string>& columns) const;
  // What a batched UPDATE or DELETE picks rows by: the single-column primary key when known, else
  // ctid (always present).
  std::string row_key(const std::string& table) const;
  const std::map<std::string, Table>& tables() const { return tables_; }
  bool knows_anything() const { return !tables_.empty() || !enums_.empty(); }

 private:
  std::map<std::string, Table> tables_;
  std::map<std::string, Index> indexes_;
  // (table, first column) -> index names: has_leading_index looks at the indexes that can match.
  std::map<std::pair<std::string, std::string>, std::set<std::string>> index_names_by_leading_column_;
  static std::pair<std::string, std::string> leading_column(const Index& index);
  std::map<std::string, std::vector<std::string>> enums_;

  // What a key held before its first change after the latest checkpoint (nullopt: it was absent).
  struct Undo {
    std::optional<Table> table;
    std::optional<Index> index;
    std::optional<std::vector<std::string>> enum_values;
    char kind;  // 't', 'i' or 'e'
    std::string key;
  };
  std::vector<Undo> undo_;
  std::set<std::pair<char, std::string>> saved_since_checkpoint_;  // one pre-image per key is enough
  size_t open_checkpoints_ = 0;
  void save(char kind, const std::string& key);

  Table* mutable_table(const std::string& name);
  void put_index(const Index& index);
  void remove_index(const std::string& name);
  void create_table(const Node& n);
  void alter_table(const Node& n);
  void add_constraint(Table& table, const Node& constraint, const std::string& column = "");
};

// Column type of a TypeName node.
Column column_type(const Node& type_name);
// "varchar(20)", "int4", "timestamptz[]" for messages.
std::string describe_type(const Column& column);
// The table (or materialized view) a CREATE TABLE or CREATE TABLE AS statement node creates; ""
// for any other statement.
std::string created_table(const Node& statement);
constexpr size_t kMaxIdentifierBytes = 63;  // NAMEDATALEN - 1
// The name PostgreSQL stores for `name`: its first kMaxIdentifierBytes bytes, cut before a UTF-8
// character rather than through it.
std::string truncate_identifier(const std::string& name);
// Column names of a list of String nodes or IndexElem nodes.
std::vector<std::string> column_names(const Node& list);
// Columns an expression refers to (the last part of each column reference), in order, without repeats.
std::vector<std::string> referenced_columns(const Node& expression);

}  // namespace pgguard::lint
