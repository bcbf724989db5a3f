#include "policy/rules/rules.h"

namespace pgguard::rules {

std::unique_ptr<GuardRule> sql_shell_escape() {
  return std::make_unique<SqlFactRule>(SqlFactRule::Spec{
      "sql-shell-escape",
      "COPY ... PROGRAM, COPY to or from server files, and psql shell escapes",
      sql::FactKind::ShellEscape,
      false,
      "it runs a shell command or touches files through the database session.",
      "run shell commands as their own Bash command, and move data with psql \\copy table FROM/TO a local file (without PROGRAM) or COPY ... TO STDOUT."});
}

}  // namespace pgguard::rules
