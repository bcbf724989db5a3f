#include "lint/node.h"

namespace pgguard::lint {

std::string_view Node::type() const {
  if (!is_object()) return {};
  for (auto [key, value] : simdjson::dom::object(element_)) return key;
  return {};
}

Node Node::body() const {
  if (!is_object()) return {};
  for (auto [key, value] : simdjson::dom::object(element_)) return Node(value);
  return {};
}

Node Node::operator[](std::string_view key) const {
  if (!is_object()) return {};
  simdjson::dom::element child;
  if (simdjson::dom::object(element_).at_key(key).get(child)) return {};
  return Node(child);
}

std::vector<Node> Node::list() const {
  std::vector<Node> out;
  if (is_array()) {
    for (auto value : simdjson::dom::array(element_)) out.emplace_back(value);
  } else if (Node items = (*this)["List"]["items"]; items.is_array()) {
    return items.list();
  }
  return out;
}

std::string_view Node::str() const {
  std::string_view out;
  if (!valid_ || element_.get(out) != simdjson::SUCCESS) return {};
  return out;
}

std::string Node::str(std::string_view key) const { return std::string((*this)[key].str()); }

int64_t Node::integer(std::string_view key, int64_t fallback) const {
  Node n = (*this)[key];
  int64_t value = fallback;
  if (!n.valid_ || n.element_.get(value) != simdjson::SUCCESS) return fallback;
  return value;
}

bool Node::flag(std::string_view key) const {
  Node n = (*this)[key];
  bool value = false;
  if (!n.valid_ || n.element_.get(value) != simdjson::SUCCESS) return false;
  return value;
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

std::string Node::dump() const { return valid_ ? simdjson::minify(element_) : std::string(); }

}  // namespace pgguard::lint
