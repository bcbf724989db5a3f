#include "policy/guard_rule.h"

#include "util/text.h"

namespace pgguard {

const char kConfirmHint[] =
    " If the human explicitly asked for this: take a backup first (pg_dump --format=custom "
    "--file=backups/$(date +%Y%m%d-%H%M%S).dump \"$DATABASE_URL\"), then re-run the same command prefixed with "
    "PGGUARD_CONFIRM=\"<why>\" so a human can approve it.";

std::string describe_statement(const SqlCheck& check, const sql::Statement& statement, const sql::Fact& fact) {
  std::string text = fact.what;
  std::string stmt = shorten(statement.text, 120);
  if (!stmt.empty() && to_lower(stmt).find(to_lower(shorten(fact.what, 60))) == std::string::npos) text += " in `" + stmt + "`";
  return text + " (" + check.sink->via + ")";
}

void SqlFactRule::check(const GuardFacts& facts, std::vector<Finding>& out) const {
  for (const auto& check : facts.sql) {
    if (spec_.production_only_elsewhere && check.target.production) continue;
    for (const auto& statement : check.statements)
      for (const auto& fact : statement.facts)
        if (fact.kind == spec_.kind)
          out.push_back({spec_.id, describe_statement(check, statement, fact) + ": " + spec_.consequence + " Safe way forward: " + spec_.safe_way});
  }
}

void CliClassRule::check(const GuardFacts& facts, std::vector<Finding>& out) const {
  for (const auto& check : facts.clis) {
    const auto& judgement = check.call->judgement;
    if (judgement.cls != spec_.cls || (spec_.production_only_elsewhere && check.target.production)) continue;
    std::string message = "`" + shorten(check.call->command, 120) + "`: " + (judgement.what.empty() ? "changes the database" : judgement.what) + ".";
    std::string safe = judgement.safe.empty() ? "" : " Safe way forward: " + judgement.safe + ".";
    out.push_back({spec_.id, message + safe + spec_.note});
  }
}

}  // namespace pgguard
