#pragma once
#include <string>

#include "pg/node.h"

namespace pgguard::sql {

// A constant a parse-tree expression folds to: a literal, possibly cast.
struct Constant {
  enum class Kind { None, Number, Text, Bool, Null } kind = Kind::None;
  double number = 0;
  std::string text;
  bool boolean = false;
};

Constant constant_of(const pg::Node& node);

// The last name of a dotted list (a function or operator name), as written.
std::string last_name(const pg::Node& names);

// Whether an expression is true whatever the data (constants, x = x, OR with a true branch...).
bool always_true(const pg::Node& expression);

// Why the WHERE of an UPDATE or DELETE reaches every row of its target, or "" when it can leave
// rows untouched. `statement` is the UpdateStmt or DeleteStmt body; it names the target and the
// other tables (FROM, USING) whose columns do not bound the target's rows.
std::string reaches_every_row(const pg::Node& statement);

}  // namespace pgguard::sql
