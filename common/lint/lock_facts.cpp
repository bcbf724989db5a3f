#include "lint/lock_facts.h"

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "util/embedded.h"

namespace pgguard::lint {
namespace {

// Each form's facts by the first major they hold for: the base entry (0), then one per "from".
using FactsByMajor = std::map<int, LockFact>;

LockFact read_fact(const std::string& form, const nlohmann::json& f, const LockFact& base) {
  return {form, f.value("lock", base.lock), f.value("rewrite", base.rewrite), f.value("scan", base.scan), f.value("blocks", base.blocks)};
}

const std::map<std::string, FactsByMajor, std::less<>>& facts() {
  static const auto table = [] {
    std::map<std::string, FactsByMajor, std::less<>> out;
    auto doc = nlohmann::json::parse(embedded_file("lock_facts.json"));
    for (const auto& [form, f] : doc.at("forms").items()) {
      FactsByMajor& by_major = out[form];
      LockFact fact{form, f.at("lock").get<std::string>(), f.at("rewrite").get<bool>(), f.at("scan").get<bool>(),
                    f.at("blocks").get<std::string>()};
      by_major[0] = fact;
      // A later major changes only the fields it names, on top of the major before it.
      std::map<int, nlohmann::json> changes;
      if (f.contains("from"))
        for (const auto& [major, changed] : f["from"].items()) changes[std::stoi(major)] = changed;
      for (const auto& [major, changed] : changes) by_major[major] = fact = read_fact(form, changed, fact);
    }
    return out;
  }();
  return table;
}

}  // namespace

const LockFact& lock_fact(std::string_view form, int pg_version) {
  auto it = facts().find(form);
  if (it == facts().end()) throw std::logic_error("no lock fact for form '" + std::string(form) + "'");
  return std::prev(it->second.upper_bound(pg_version))->second;
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
