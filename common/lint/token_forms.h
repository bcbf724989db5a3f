#pragma once
#include <string>
#include <vector>

#include "lint/forms.h"

namespace pgguard::lint {

// What the scanner's tokens tell of a statement the parser cannot read (syntax of a PostgreSQL
// newer than the parser's grammar): its kind, its relation, and the lock forms it takes.
struct TokenStatement {
  std::string kind;      // "ALTER TABLE", "CREATE INDEX", "MERGE"; the first word otherwise
  std::string relation;  // the table after ALTER TABLE, CREATE INDEX ... ON, MERGE INTO; "" when none
  bool concurrently = false;
  bool not_valid = false;
  std::vector<FormOnRelation> forms;
};

TokenStatement read_tokens(const std::string& sql);

// The major whose grammar the parser has (libpg_query's).
int parser_major();

}  // namespace pgguard::lint
