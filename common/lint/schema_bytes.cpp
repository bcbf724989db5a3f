// A Schema written out and read back, for the history cache: every field a rule can ask about, as
// lengths and bytes. A hook reads a history's schema on every call; parsing it back as JSON cost
// a fifth of a cached call, reading these bytes a small part of that.
#include <cstring>

#include "lint/schema.h"

namespace pgguard::lint {
namespace {

// Tables, indexes and enums are written in their maps' order, and read back only in that order
// (each name after the one before), so that each goes in at the end of its map.
// Counts and lengths are 32-bit, typmods 64-bit, in this machine's byte order: an entry is read
// back only by the build that wrote it (its key names the build).
class Out {
 public:
  void count(size_t n) { raw(static_cast<uint32_t>(n)); }
  void flag(bool b) { bytes_.push_back(b ? '\1' : '\0'); }
  void text(const std::string& s) {
    count(s.size());
    bytes_ += s;
  }
  void texts(const std::vector<std::string>& values) {
    count(values.size());
    for (const auto& v : values) text(v);
  }
  void number(int64_t n) { raw(n); }
  std::string take() { return std::move(bytes_); }

 private:
  template <typename T>
  void raw(T value) {
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  std::string bytes_;
};

struct BadEntry {};  // thrown on anything but the expected shape; deserialize turns it into nullopt

class In {
 public:
  explicit In(std::string_view bytes) : rest_(bytes) {}
  // A count never exceeds the bytes left (each item takes at least one): a damaged entry cannot
  // ask for a huge allocation.
  size_t count() {
    size_t n = raw<uint32_t>();
    if (n > rest_.size()) throw BadEntry{};
    return n;
  }
  bool flag() {
    char c = take(1)[0];
    if (c != '\0' && c != '\1') throw BadEntry{};
    return c == '\1';
  }
  std::string text() {
    size_t n = count();
    return std::string(take(n));
  }
  std::vector<std::string> texts() {
    std::vector<std::string> out(count());
    for (auto& v : out) v = text();
    return out;
  }
  int64_t number() { return raw<int64_t>(); }
  bool done() const { return rest_.empty(); }

 private:
  std::string_view take(size_t n) {
    if (n > rest_.size()) throw BadEntry{};
    std::string_view out = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return out;
  }
  template <typename T>
  T raw() {
    T value;
    std::memcpy(&value, take(sizeof value).data(), sizeof value);
    return value;
  }
  std::string_view rest_;
};

}  // namespace

std::string Schema::serialize() const {
  Out out;
  out.count(tables_.size());
  for (const auto& [name, t] : tables_) {
    out.text(name);
    out.flag(t.partitioned);
    out.text(t.partition_of);
    out.count(t.columns.size());
    for (const auto& c : t.columns) {
      out.text(c.name);
      out.text(c.type);
      out.count(c.typmods.size());
      for (int64_t m : c.typmods) out.number(m);
      out.flag(c.is_array);
      out.flag(c.not_null);
      out.flag(c.has_default);
    }
    out.count(t.constraints.size());
    for (const auto& c : t.constraints) {
      out.text(c.name);
      out.text(std::string(1, c.kind));
      out.texts(c.columns);
      out.flag(c.validated);
      out.text(c.not_null_column);
    }
  }
  out.count(indexes_.size());
  for (const auto& [name, i] : indexes_) {
    out.text(name);
    out.text(i.table);
    out.texts(i.columns);
    out.flag(i.unique);
  }
  out.count(enums_.size());
  for (const auto& [name, values] : enums_) {
    out.text(name);
    out.texts(values);
  }
  return out.take();
}

std::optional<Schema> Schema::deserialize(std::string_view bytes) {
  try {
    In in(bytes);
    Schema schema;
    for (size_t t = in.count(); t > 0; --t) {
      Table table;
      table.name = in.text();
      table.partitioned = in.flag();
      table.partition_of = in.text();
      table.columns.resize(in.count());
      for (auto& c : table.columns) {
        c.name = in.text();
        c.type = in.text();
        c.typmods.resize(in.count());
        for (auto& m : c.typmods) m = in.number();
        c.is_array = in.flag();
        c.not_null = in.flag();
        c.has_default = in.flag();
      }
      table.constraints.resize(in.count());
      for (auto& c : table.constraints) {
        c.name = in.text();
        std::string kind = in.text();
        if (kind.size() != 1) return std::nullopt;
        c.kind = kind[0];
        c.columns = in.texts();
        c.validated = in.flag();
        c.not_null_column = in.text();
      }
      if (!schema.tables_.empty() && schema.tables_.rbegin()->first >= table.name) return std::nullopt;
      std::string name = table.name;
      schema.tables_.emplace_hint(schema.tables_.end(), std::move(name), std::move(table));
    }
    for (size_t i = in.count(); i > 0; --i) {
      Index index;
      index.name = in.text();
      index.table = in.text();
      index.columns = in.texts();
      index.unique = in.flag();
      if (!schema.indexes_.empty() && schema.indexes_.rbegin()->first >= index.name) return std::nullopt;
      schema.index_names_by_leading_column_[leading_column(index)].insert(index.name);
      std::string name = index.name;
      schema.indexes_.emplace_hint(schema.indexes_.end(), std::move(name), std::move(index));
    }
    for (size_t e = in.count(); e > 0; --e) {
      std::string name = in.text();
      if (!schema.enums_.empty() && schema.enums_.rbegin()->first >= name) return std::nullopt;
      schema.enums_.emplace_hint(schema.enums_.end(), std::move(name), in.texts());
    }
    if (!in.done()) return std::nullopt;
    return schema;
  } catch (const BadEntry&) {
    return std::nullopt;
  }
}

}  // namespace pgguard::lint
