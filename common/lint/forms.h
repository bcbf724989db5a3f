#pragma once
#include <string>
#include <vector>

#include "lint/schema.h"

namespace pgguard::lint {

// One lock a statement takes: the form (a key of config/lock_facts.json) and the relation.
struct FormOnRelation {
  std::string form;
  std::string relation;
};

// The lock forms a statement takes on existing relations, judged from the statement and the
// schema before it (an ALTER COLUMN TYPE is a rewrite or not depending on the old type).
std::vector<FormOnRelation> statement_forms(const Node& statement, const Schema& schema, int pg_version);

// Whether a default expression is volatile (evaluated per row: rewrites on ADD COLUMN).
bool is_volatile_default(const Node& expression);
// Whether changing `from` to the type of `to` keeps the stored bytes (no rewrite).
bool is_binary_coercible(const Column& from, const Column& to);

}  // namespace pgguard::lint
