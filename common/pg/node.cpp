#include "pg/node.h"

#include <deque>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <type_traits>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace pgguard::pg {
namespace {

constexpr size_t kMaxKeys = 1u << 16;

// Names by key: each entry is written once, under the table's lock, before its key is handed out;
// a key reaches another thread only with the tree that holds it (through a lock), so reads need none.
std::string_view names_by_key[kMaxKeys];

struct KeyTable {
  std::shared_mutex mutex;
  std::unordered_map<std::string_view, uint16_t> ids;  // views into `names`
  std::deque<std::string> names;                       // a deque: its strings never move
};

KeyTable& key_table() {
  static KeyTable table;
  return table;
}

}  // namespace

namespace {

// The keys one thread has seen: open addressing over a fixed power-of-two table, because every
// field access of every rule looks a key up here (a node-based map's hashing, division and
// pointer chasing showed as a tenth of a lint run). Plain data, so that a thread_local of it needs
// no constructor and no guard on each access. Once half full it takes no more keys, and lookups of
// the others go to the shared table.
class SeenKeys {
 public:
  uint16_t find(const Key& key) const {
    for (size_t i = key.hash >> kShift;; i = (i + 1) & kMask) {
      const Slot& slot = slots_[i];
      if (!slot.id) return 0;
      if (slot.head == key.head && slot.tail == key.tail && slot.size == key.name.size() &&
          (slot.size <= 16 || names_by_key[slot.id] == key.name))
        return slot.id;
    }
  }
  void add(const Key& key, uint16_t id) {
    if ((count_ + 1) * 2 > kSlots) return;
    size_t i = key.hash >> kShift;
    while (slots_[i].id) i = (i + 1) & kMask;
    slots_[i] = {key.head, key.tail, static_cast<uint32_t>(key.name.size()), id};
    ++count_;
  }

 private:
  static constexpr int kBits = 11;
  static constexpr size_t kSlots = size_t(1) << kBits, kMask = kSlots - 1;
  static constexpr int kShift = 64 - kBits;
  struct Slot {
    uint64_t head, tail;
    uint32_t size;
    uint16_t id;  // 0: empty
  };
  Slot slots_[kSlots];
  size_t count_;
};
static_assert(std::is_trivially_default_constructible_v<SeenKeys>, "a thread_local SeenKeys must need no constructor");

}  // namespace

namespace {

thread_local SeenKeys seen_keys;  // zero-filled: empty

// A key this thread has not seen yet: from the shared table, or added to it. Out of line, so that
// the lookup of a seen key stays a few instructions.
[[gnu::noinline]] uint16_t intern_shared(const Key& probe) {
  std::string_view name = probe.name;
  KeyTable& table = key_table();
  auto remember = [&](uint16_t id) {
    seen_keys.add(probe, id);
    return id;
  };
  {
    std::shared_lock lock(table.mutex);
    if (auto it = table.ids.find(name); it != table.ids.end()) return remember(it->second);
  }
  std::unique_lock lock(table.mutex);
  if (auto it = table.ids.find(name); it != table.ids.end()) return remember(it->second);
  size_t key = table.names.size() + 1;
  if (key >= kMaxKeys) return 0;
  std::string_view stored = table.names.emplace_back(name);
  names_by_key[key] = stored;
  table.ids.emplace(stored, static_cast<uint16_t>(key));
  return remember(static_cast<uint16_t>(key));
}

}  // namespace

uint16_t intern_key(const Key& probe) {
  // Each thread keeps the keys it has seen, so that the shared table's lock is taken once per name.
  if (uint16_t id = seen_keys.find(probe)) return id;
  return intern_shared(probe);
}

std::string_view key_name(uint16_t key) { return names_by_key[key]; }

std::string_view Node::type() const {
  if (!is_object() || value_->size == 0) return {};
  return key_name(value_->children[0].key);
}

Node Node::body() const {
  if (!is_object() || value_->size == 0) return {};
  return Node(value_->children[0]);
}

Node Node::operator[](const Key& key) const {
  if (!is_object()) return {};
  uint16_t id = intern_key(key);
  for (uint32_t i = 0; i < value_->size; ++i)
    if (value_->children[i].key == id) return Node(value_->children[i]);
  return {};
}

NodeList Node::list() const {
  if (is_array()) return NodeList(value_->children, value_->size);
  if (Node items = (*this)["List"]["items"]; items.is_array()) return items.list();
  return {};
}

std::string_view Node::str() const {
  if (!value_ || value_->kind != TreeValue::String) return {};
  return {value_->text, value_->size};
}

std::string Node::str(const Key& key) const { return std::string((*this)[key].str()); }

int64_t Node::integer(const Key& key, int64_t fallback) const {
  Node n = (*this)[key];
  return n.value_ && n.value_->kind == TreeValue::Int ? n.value_->integer : fallback;
}

bool Node::flag(const Key& key) const {
  Node n = (*this)[key];
  return n.value_ && n.value_->kind == TreeValue::True;
}

std::string Node::sval() const { return (*this)["String"].str("sval"); }

std::string Node::names() const {
  std::string out;
  for (const Node& part : list()) {
    if (!out.empty()) out += '.';
    out += part.sval();
  }
  return out;
}

namespace {

bool same_values(const TreeValue& a, const TreeValue& b, uint16_t ignored, int depth) {
  if (depth > 400 || a.kind != b.kind) return false;
  switch (a.kind) {
    case TreeValue::Int: return a.integer == b.integer;
    case TreeValue::Double: return a.real == b.real;
    case TreeValue::String: return std::string_view(a.text, a.size) == std::string_view(b.text, b.size);
    case TreeValue::Array:
      if (a.size != b.size) return false;
      for (uint32_t i = 0; i < a.size; ++i)
        if (!same_values(a.children[i], b.children[i], ignored, depth + 1)) return false;
      return true;
    case TreeValue::Object: {
      uint32_t i = 0, j = 0;
      while (true) {
        while (i < a.size && a.children[i].key == ignored) ++i;
        while (j < b.size && b.children[j].key == ignored) ++j;
        if (i == a.size || j == b.size) return i == a.size && j == b.size;
        if (a.children[i].key != b.children[j].key || !same_values(a.children[i], b.children[j], ignored, depth + 1)) return false;
        ++i, ++j;
      }
    }
    default: return true;  // null, true, false: the kind says it all
  }
}

template <class Writer>
void write(const TreeValue& v, Writer& out, int depth) {
  if (depth > 400) return out.Null(), void();
  switch (v.kind) {
    case TreeValue::Null: out.Null(); break;
    case TreeValue::False: out.Bool(false); break;
    case TreeValue::True: out.Bool(true); break;
    case TreeValue::Int: out.Int64(v.integer); break;
    case TreeValue::Double: out.Double(v.real); break;
    case TreeValue::String: out.String(v.text, v.size); break;
    case TreeValue::Array:
      out.StartArray();
      for (uint32_t i = 0; i < v.size; ++i) write(v.children[i], out, depth + 1);
      out.EndArray();
      break;
    case TreeValue::Object:
      out.StartObject();
      for (uint32_t i = 0; i < v.size; ++i) {
        std::string_view key = key_name(v.children[i].key);
        out.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
        write(v.children[i], out, depth + 1);
      }
      out.EndObject();
      break;
  }
}

}  // namespace

bool Node::same_tree(const Node& other, std::string_view ignored_key) const {
  if (!value_ || !other.value_) return !value_ && !other.value_;
  return same_values(*value_, *other.value_, intern_key(Key(ignored_key)), 0);
}

std::string Node::dump() const {
  if (!value_) return {};
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  write(*value_, writer, 0);
  return {buffer.GetString(), buffer.GetSize()};
}

std::string relation_name(const Node& range_var) {
  Node rv = range_var.has("RangeVar") ? range_var["RangeVar"] : range_var;
  return rv.str("relname");
}

std::string qualified_name(const Node& range_var) {
  Node rv = range_var.has("RangeVar") ? range_var["RangeVar"] : range_var;
  std::string schema = rv.str("schemaname");
  return (schema.empty() ? "" : schema + ".") + rv.str("relname");
}

}  // namespace pgguard::pg
