#include "lint/lock_facts.h"

#include <map>
#include <stdexcept>

#include "util/embedded.h"
#include "util/json_fields.h"

namespace pgguard::lint {
namespace {

// Each form's facts by the first major they hold for: the base entry (0), then one per "from".
using FactsByMajor = std::map<int, LockFact>;
constexpr char kCatalog[] = "lock_facts.json";

// A later major's entry names only the fields that change from `base`.
LockFact read_fact(const std::string& form, const rapidjson::Value& f, const LockFact& base) {
  return {form, json_fields::text(f, "lock", base.lock), json_fields::flag(f, "rewrite", base.rewrite), json_fields::flag(f, "scan", base.scan),
          json_fields::text(f, "blocks", base.blocks)};
}

const std::map<std::string, FactsByMajor, std::less<>>& facts() {
  static const auto table = [] {
    using namespace json_fields;
    std::map<std::string, FactsByMajor, std::less<>> out;
    rapidjson::Document doc;
    parse_catalog(doc, embedded_file(kCatalog), kCatalog);
    const rapidjson::Value* forms = member(doc, "forms");
    if (!forms || !forms->IsObject()) throw std::runtime_error("lock_facts.json: no forms");
    for (const auto& [name, f] : forms->GetObject()) {
      std::string form(name.GetString(), name.GetStringLength());
      FactsByMajor& by_major = out[form];
      LockFact fact{form, required_text(f, "lock", kCatalog), required_flag(f, "rewrite", kCatalog), required_flag(f, "scan", kCatalog),
                    required_text(f, "blocks", kCatalog)};
      by_major[0] = fact;
      // A later major changes only the fields it names, on top of the major before it.
      std::map<int, const rapidjson::Value*> changes;
      if (const rapidjson::Value* from = member(f, "from"); from && from->IsObject())
        for (const auto& [major, changed] : from->GetObject()) changes[std::stoi(major.GetString())] = &changed;
      for (const auto& [major, changed] : changes) by_major[major] = fact = read_fact(form, *changed, fact);
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
