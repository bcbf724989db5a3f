#pragma once
#include <string>
#include <string_view>

namespace pgguard::lint {

// What PostgreSQL does for one statement form (config/lock_facts.json, checked against a real
// server by the lock-model test): the strongest lock on the target, rewrite, full scan.
struct LockFact {
  std::string form;
  std::string lock;
  bool rewrite = false;
  bool scan = false;
  std::string blocks;
};

// The fact for a form on a PostgreSQL major (config/lock_facts.json's "from" ranges); throws when
// the form is not in the table (a rule names a missing form).
const LockFact& lock_fact(std::string_view form, int pg_version);
// "SHARE lock on orders, full table scan; blocks writes for the whole index build"
std::string describe(const LockFact& fact, const std::string& relation);
// describe() with its article, for "takes <this>": "an ACCESS EXCLUSIVE lock on orders, ...".
std::string a_lock(const LockFact& fact, const std::string& relation);
// 1 (ACCESS SHARE) .. 8 (ACCESS EXCLUSIVE); 0 when unknown.
int lock_strength(std::string_view lock);

}  // namespace pgguard::lint
