#pragma once
#include <rapidjson/document.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pgguard::pg {

// A read-only view of one node of a libpg_query JSON parse tree (the linter's and the guard's SQL
// classifier's). Missing fields give an empty Node, so chains like stmt["relation"].str("relname")
// never fail.
class Node {
 public:
  Node() = default;
  explicit Node(const rapidjson::Value& value) : value_(&value) {}

  bool valid() const { return value_ != nullptr; }
  explicit operator bool() const { return valid(); }
  bool is_object() const { return value_ && value_->IsObject(); }
  bool is_array() const { return value_ && value_->IsArray(); }

  // A node is an object with one key naming its type: {"CreateStmt": {...}}.
  std::string_view type() const;
  Node body() const;  // the value under that key

  Node operator[](std::string_view key) const;
  bool has(std::string_view key) const { return (*this)[key].valid(); }
  // Array items; a {"List": {"items": [...]}} node gives its items.
  std::vector<Node> list() const;

  std::string_view str() const;
  std::string str(std::string_view key) const;
  int64_t integer(std::string_view key, int64_t fallback = 0) const;
  bool flag(std::string_view key) const;  // missing booleans are false
  // The text of a {"String": {"sval": ...}} node.
  std::string sval() const;
  // Dotted names of a list of String nodes: ["pg_catalog", "int4"] -> "pg_catalog.int4".
  std::string names() const;

  // Every object node below this one (depth-first), including this one.
  template <class Visit>
  void walk(Visit&& visit, int depth = 0) const {
    if (!value_ || depth > 400) return;
    if (value_->IsObject()) {
      visit(*this);
      for (const auto& member : value_->GetObject()) Node(member.value).walk(visit, depth + 1);
    } else if (value_->IsArray()) {
      for (const auto& item : value_->GetArray()) Node(item).walk(visit, depth + 1);
    }
  }

  // Each member of an object node, in order: visit(key, value).
  template <class Visit>
  void for_each_member(Visit&& visit) const {
    if (!is_object()) return;
    for (const auto& member : value_->GetObject())
      visit(std::string_view(member.name.GetString(), member.name.GetStringLength()), Node(member.value));
  }

  // Deep equality, members named `ignored_key` (such as "location") left out on both sides.
  bool same_tree(const Node& other, std::string_view ignored_key) const;

  std::string dump() const;

 private:
  const rapidjson::Value* value_ = nullptr;  // owned by the document the tree was parsed into
};

// The relation name of a RangeVar node (unqualified).
std::string relation_name(const Node& range_var);
// "schema.name" of a RangeVar node, or "name" when it names no schema; not quoted.
std::string qualified_name(const Node& range_var);

}  // namespace pgguard::pg
