#include "lint/lock_facts.h"

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "util/embedded.h"

namespace pgguard::lint {
namespace {

const std::map<std::string, LockFact, std::less<>>& facts() {
  static const auto table = [] {
    std::map<std::string, LockFact, std::less<>> out;
    auto doc = nlohmann::json::parse(embedded_file("lock_facts.json"));
    for (const auto& [form, f] : doc.at("forms").items())
      out[form] = {form, f.at("lock").get<std::string>(), f.at("rewrite").get<bool>(), f.at("scan").get<bool>(),
                   f.at("blocks").get<std::string>()};
    return out;
  }();
  return table;
}

}  // namespace

const LockFact& lock_fact(std::string_view form) {
  auto it = facts().find(form);
  if (it == facts().end()) throw std::logic_error("no lock fact for form '" + std::string(form) + "'");
  return it->second;
}

std::string describe(const LockFact& fact, const std::string& relation) {
  std::string out = (fact.lock.empty() ? "no" : fact.lock) + " lock on " + relation;
  if (fact.rewrite) out += ", rewrites it";
  else if (fact.scan) out += ", full table scan";
  return out + "; blocks " + fact.blocks;
}

std::string a_lock(const LockFact& fact, const std::string& relation) {
  bool vowel = !fact.lock.empty() && std::string("AEIOU").find(fact.lock[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + describe(fact, relation);
}

int lock_strength(std::string_view lock) {
  static const std::map<std::string, int, std::less<>> kOrder = {
      {"ACCESS SHARE", 1}, {"ROW SHARE", 2}, {"ROW EXCLUSIVE", 3}, {"SHARE UPDATE EXCLUSIVE", 4},
      {"SHARE", 5}, {"SHARE ROW EXCLUSIVE", 6}, {"EXCLUSIVE", 7}, {"ACCESS EXCLUSIVE", 8}};
  auto it = kOrder.find(lock);
  return it == kOrder.end() ? 0 : it->second;
}

}  // namespace pgguard::lint
