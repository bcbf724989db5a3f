#pragma once
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace pgguard::pg {

// One value of a parse tree as pg::Tree stores it: 16 bytes, with the name it has in its parent
// object as an interned key. A member of a rapidjson document took 32 bytes and its name was
// compared as a string on every lookup; the trees of a 10 MB migration are held for the whole run.
struct TreeValue {
  enum Kind : uint8_t { Null, False, True, Int, Double, String, Array, Object };
  uint16_t key = 0;  // interned member name; 0 for array items and the root
  Kind kind = Null;
  uint32_t size = 0;  // a string's length, or an array's or object's number of children
  union {
    int64_t integer;
    double real;
    const char* text;
    const TreeValue* children;  // contiguous, in the order of the JSON
  };
};
static_assert(sizeof(TreeValue) == 16, "parse trees are held for whole files: keep values small");

// A member name as a lookup reads it: its length, its first and last eight bytes (all of it up to
// 16 bytes) and their hash. For a literal, as rules write n["relation"], all of it is worked out
// at compile time: every field access of every rule starts here.
class Key {
 public:
  template <size_t N>
  consteval Key(const char (&name)[N]) : Key(std::string_view(name, N - 1), 0) {}
  Key(std::string_view name) : Key(name, 0) {}
  Key(const std::string& name) : Key(std::string_view(name), 0) {}

  std::string_view name;
  uint64_t head = 0, tail = 0;
  uint64_t hash = 0;  // multiplicative: its top bits depend on every bit of the name

 private:
  constexpr Key(std::string_view n, int) : name(n) {
    auto bytes = [&](size_t from, size_t count) {  // little-endian, as one 8-byte load reads them
      uint64_t out = 0;
      // A parse reads every member name at run time: one load where it gives the same value.
      if (count == 8 && std::endian::native == std::endian::little && !std::is_constant_evaluated()) {
        std::memcpy(&out, n.data() + from, 8);
        return out;
      }
      for (size_t i = 0; i < count; ++i) out |= uint64_t(static_cast<unsigned char>(n[from + i])) << (8 * i);
      return out;
    };
    head = bytes(0, n.size() < 8 ? n.size() : 8);
    tail = n.size() > 8 ? bytes(n.size() - 8, 8) : 0;  // overlaps head for names shorter than 16 bytes
    hash = (head ^ (tail << 29 | tail >> 35) ^ n.size()) * 0x9E3779B97F4A7C15ull;
  }
};

// Member names are interned once per process (thread-safe), so that a lookup compares numbers;
// 0 only when the table is full, which no parse tree's few hundred field names come near.
uint16_t intern_key(const Key& name);
std::string_view key_name(uint16_t key);

class NodeList;

// A read-only view of one node of a libpg_query parse tree (the linter's and the guard's SQL
// classifier's). Missing fields give an empty Node, so chains like stmt["relation"].str("relname")
// never fail. The tree (pg::Tree) owns the values and outlives its views.
class Node {
 public:
  Node() = default;
  explicit Node(const TreeValue& value) : value_(&value) {}

  bool valid() const { return value_ != nullptr; }
  explicit operator bool() const { return valid(); }
  bool is_object() const { return value_ && value_->kind == TreeValue::Object; }
  bool is_array() const { return value_ && value_->kind == TreeValue::Array; }

  // A node is an object with one key naming its type: {"CreateStmt": {...}}.
  std::string_view type() const;
  Node body() const;  // the value under that key

  Node operator[](const Key& key) const;
  bool has(const Key& key) const { return (*this)[key].valid(); }
  // Array items; a {"List": {"items": [...]}} node gives its items.
  NodeList list() const;

  std::string_view str() const;
  std::string str(const Key& key) const;
  int64_t integer(const Key& key, int64_t fallback = 0) const;
  bool flag(const Key& key) const;  // missing booleans are false
  // The text of a {"String": {"sval": ...}} node.
  std::string sval() const;
  // Dotted names of a list of String nodes: ["pg_catalog", "int4"] -> "pg_catalog.int4".
  std::string names() const;

  // Every object node below this one (depth-first), including this one.
  template <class Visit>
  void walk(Visit&& visit, int depth = 0) const {
    if (!value_ || depth > 400) return;
    if (value_->kind == TreeValue::Object) visit(*this);
    if (value_->kind == TreeValue::Object || value_->kind == TreeValue::Array)
      for (uint32_t i = 0; i < value_->size; ++i) Node(value_->children[i]).walk(visit, depth + 1);
  }

  // Each member of an object node, in order: visit(key, value).
  template <class Visit>
  void for_each_member(Visit&& visit) const {
    if (!is_object()) return;
    for (uint32_t i = 0; i < value_->size; ++i) visit(key_name(value_->children[i].key), Node(value_->children[i]));
  }

  // Deep equality, members named `ignored_key` (such as "location") left out on both sides.
  bool same_tree(const Node& other, std::string_view ignored_key) const;

  std::string dump() const;  // as JSON

 private:
  const TreeValue* value_ = nullptr;
};

// The items of an array node, without copying them.
class NodeList {
 public:
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Node;
    using difference_type = std::ptrdiff_t;
    using pointer = const Node*;
    using reference = Node;
    explicit iterator(const TreeValue* at) : at_(at) {}
    Node operator*() const { return Node(*at_); }
    iterator& operator++() {
      ++at_;
      return *this;
    }
    bool operator!=(const iterator& other) const { return at_ != other.at_; }

   private:
    const TreeValue* at_;
  };

  NodeList() = default;
  NodeList(const TreeValue* items, size_t size) : items_(items), size_(size) {}
  iterator begin() const { return iterator(items_); }
  iterator end() const { return iterator(items_ + size_); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Node operator[](size_t i) const { return i < size_ ? Node(items_[i]) : Node(); }
  Node front() const { return (*this)[0]; }
  Node back() const { return empty() ? Node() : Node(items_[size_ - 1]); }
  operator std::vector<Node>() const { return {begin(), end()}; }

 private:
  const TreeValue* items_ = nullptr;
  size_t size_ = 0;
};

// The relation name of a RangeVar node (unqualified).
std::string relation_name(const Node& range_var);
// "schema.name" of a RangeVar node, or "name" when it names no schema; not quoted.
std::string qualified_name(const Node& range_var);

}  // namespace pgguard::pg

