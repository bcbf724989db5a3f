#pragma once
#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pgguard::lint {

// A read-only view of one libpg_query parse-tree node. Missing fields give an empty Node, so
// chains like stmt["relation"].str("relname") never fail.
class Node {
 public:
  Node() = default;
  explicit Node(simdjson::dom::element element) : element_(element), valid_(true) {}

  bool valid() const { return valid_; }
  explicit operator bool() const { return valid_; }
  bool is_object() const { return valid_ && element_.is_object(); }
  bool is_array() const { return valid_ && element_.is_array(); }

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
    if (!valid_ || depth > 400) return;
    if (element_.is_object()) {
      visit(*this);
      for (auto [key, value] : simdjson::dom::object(element_)) Node(value).walk(visit, depth + 1);
    } else if (element_.is_array()) {
      for (auto value : simdjson::dom::array(element_)) Node(value).walk(visit, depth + 1);
    }
  }

  std::string dump() const;

 private:
  simdjson::dom::element element_;
  bool valid_ = false;
};

}  // namespace pgguard::lint
