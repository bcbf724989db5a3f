#include "pg/tree.h"

#include <cstring>

#include <rapidjson/reader.h>

namespace pgguard::pg {
namespace {

// rapidjson's SAX events built into values: members and items gather on a stack, and when their
// object or array closes they move into the arena side by side.
class Builder {
 public:
  Builder(Tree& tree, std::vector<TreeValue>& stack, std::vector<size_t>& open) : tree_(tree), stack_(stack), open_(open) {
    stack_.clear();
    open_.clear();
  }

  bool Null() { return push(TreeValue::Null); }
  bool Bool(bool b) { return push(b ? TreeValue::True : TreeValue::False); }
  bool Int(int i) { return Int64(i); }
  bool Uint(unsigned u) { return Int64(u); }
  bool Int64(int64_t i) {
    TreeValue& v = add(TreeValue::Int);
    v.integer = i;
    return true;
  }
  bool Uint64(uint64_t u) { return u <= static_cast<uint64_t>(INT64_MAX) ? Int64(static_cast<int64_t>(u)) : Double(static_cast<double>(u)); }
  bool Double(double d) {
    TreeValue& v = add(TreeValue::Double);
    v.real = d;
    return true;
  }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }  // not asked for
  bool String(const char* text, rapidjson::SizeType length, bool) {
    char* copy = tree_.text(length);
    if (length) std::memcpy(copy, text, length);
    TreeValue& v = add(TreeValue::String);
    v.text = copy;
    v.size = length;
    return true;
  }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    key_ = intern_key(pg::Key(std::string_view(text, length)));
    return key_ != 0;
  }
  bool StartObject() { return open(TreeValue::Object); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool StartArray() { return open(TreeValue::Array); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  const TreeValue& root() const { return stack_.front(); }

 private:
  Tree& tree_;
  std::vector<TreeValue>& stack_;
  std::vector<size_t>& open_;  // indexes into stack_ of the objects and arrays not yet closed
  uint16_t key_ = 0;

  TreeValue& add(TreeValue::Kind kind) {
    TreeValue& v = stack_.emplace_back();
    v.kind = kind;
    v.key = key_;
    v.integer = 0;
    key_ = 0;
    return v;
  }
  bool push(TreeValue::Kind kind) { return add(kind), true; }
  bool open(TreeValue::Kind kind) {
    add(kind);
    open_.push_back(stack_.size() - 1);
    return true;
  }
  bool close() {
    size_t at = open_.back();
    open_.pop_back();
    size_t count = stack_.size() - at - 1;
    TreeValue* children = tree_.values(count);
    std::copy(stack_.begin() + static_cast<std::ptrdiff_t>(at) + 1, stack_.end(), children);
    stack_.resize(at + 1);
    stack_[at].children = children;
    stack_[at].size = static_cast<uint32_t>(count);
    return true;
  }
};

}  // namespace

Node Tree::parse(char* json) {
  Builder builder(*this, stack_, open_);
  rapidjson::Reader reader;
  rapidjson::InsituStringStream stream(json);  // no copy of each string into the reader's own buffer
  if (reader.Parse<rapidjson::kParseInsituFlag>(stream, builder).IsError() || stack_.size() != 1) return {};
  TreeValue* root = values(1);
  *root = builder.root();
  return Node(*root);
}

void Tree::adopt(Tree&& other) {
  // The chunks move as they are (their values point into each other, never into this arena); this
  // arena keeps filling its own current chunk.
  for (auto& chunk : other.chunks_) chunks_.push_back(std::move(chunk));
  other.chunks_.clear();
  other.next_ = nullptr;
  other.left_ = 0;
}

TreeValue* Tree::values(size_t count) { return static_cast<TreeValue*>(allocate(count * sizeof(TreeValue), alignof(TreeValue))); }

char* Tree::text(size_t bytes) { return static_cast<char*>(allocate(bytes, 1)); }

void* Tree::allocate(size_t bytes, size_t align) {
  size_t pad = (align - reinterpret_cast<uintptr_t>(next_) % align) % align;
  if (!next_ || pad + bytes > left_) {
    size_t size = std::max(chunk_bytes_, bytes + align);
    chunk_bytes_ = std::min<size_t>(chunk_bytes_ * 2, 1u << 20);
    chunks_.emplace_back(new char[size]);  // not make_unique: it would zero what the values overwrite
    next_ = chunks_.back().get();
    left_ = size;
    pad = (align - reinterpret_cast<uintptr_t>(next_) % align) % align;
  }
  void* at = next_ + pad;
  next_ += pad + bytes;
  left_ -= pad + bytes;
  return at;
}

}  // namespace pgguard::pg
