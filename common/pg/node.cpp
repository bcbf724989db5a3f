#include "pg/node.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace pgguard::pg {

std::string_view Node::type() const {
  if (!is_object() || value_->MemberCount() == 0) return {};
  const rapidjson::Value& key = value_->MemberBegin()->name;
  return {key.GetString(), key.GetStringLength()};
}

Node Node::body() const {
  if (!is_object() || value_->MemberCount() == 0) return {};
  return Node(value_->MemberBegin()->value);
}

Node Node::operator[](std::string_view key) const {
  if (!is_object()) return {};
  rapidjson::Value name(rapidjson::StringRef(key.data(), key.size()));
  auto member = value_->FindMember(name);
  if (member == value_->MemberEnd()) return {};
  return Node(member->value);
}

std::vector<Node> Node::list() const {
  std::vector<Node> out;
  if (is_array()) {
    out.reserve(value_->Size());
    for (const auto& item : value_->GetArray()) out.emplace_back(item);
  } else if (Node items = (*this)["List"]["items"]; items.is_array()) {
    return items.list();
  }
  return out;
}

std::string_view Node::str() const {
  if (!value_ || !value_->IsString()) return {};
  return {value_->GetString(), value_->GetStringLength()};
}

std::string Node::str(std::string_view key) const { return std::string((*this)[key].str()); }

int64_t Node::integer(std::string_view key, int64_t fallback) const {
  Node n = (*this)[key];
  return n.value_ && n.value_->IsInt64() ? n.value_->GetInt64() : fallback;
}

bool Node::flag(std::string_view key) const {
  Node n = (*this)[key];
  return n.value_ && n.value_->IsBool() && n.value_->GetBool();
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

bool same_values(const rapidjson::Value& a, const rapidjson::Value& b, std::string_view ignored_key, int depth) {
  if (depth > 400 || a.GetType() != b.GetType()) return false;
  auto ignored = [&](const rapidjson::Value& name) { return std::string_view(name.GetString(), name.GetStringLength()) == ignored_key; };
  if (a.IsObject()) {
    auto ia = a.MemberBegin(), ib = b.MemberBegin();
    while (true) {
      while (ia != a.MemberEnd() && ignored(ia->name)) ++ia;
      while (ib != b.MemberEnd() && ignored(ib->name)) ++ib;
      if (ia == a.MemberEnd() || ib == b.MemberEnd()) return ia == a.MemberEnd() && ib == b.MemberEnd();
      if (ia->name != ib->name || !same_values(ia->value, ib->value, ignored_key, depth + 1)) return false;
      ++ia, ++ib;
    }
  }
  if (a.IsArray()) {
    if (a.Size() != b.Size()) return false;
    for (rapidjson::SizeType i = 0; i < a.Size(); ++i)
      if (!same_values(a[i], b[i], ignored_key, depth + 1)) return false;
    return true;
  }
  return a == b;
}

}  // namespace

bool Node::same_tree(const Node& other, std::string_view ignored_key) const {
  if (!value_ || !other.value_) return !value_ && !other.value_;
  return same_values(*value_, *other.value_, ignored_key, 0);
}

std::string Node::dump() const {
  if (!value_) return {};
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value_->Accept(writer);
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
