#pragma once
#include <any>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/file_state.h"
#include "lint/forms.h"
#include "lint/lock_facts.h"
#include "lint/parse.h"
#include "lint/schema.h"

namespace pgguard::lint {

enum class Severity { Info, Warning, Error };
const char* severity_name(Severity severity);
Severity parse_severity(std::string_view name);  // throws on unknown names

struct Settings {
  int pg_version = 16;
  // Where the project says it runs behind a transaction-mode pooler (lint/pooler.h); empty: not known to.
  std::string transaction_pooler;
};

// Everything a rule may look at for one statement. The schema and state are as they were just
// before the statement.
struct StatementContext {
  const ParsedMigration& migration;
  const Statement& statement;
  const Section& section;
  const Schema& schema;
  const FileState& state;
  const Settings& settings;
  bool in_transaction;  // whether this statement runs inside a transaction
  // What several rules derive alike from this statement, derived once (convention::column_sites).
  mutable std::any shared_work = {};
  mutable std::optional<std::vector<FormOnRelation>> derived_forms = {};  // filled by forms()

  // The lock forms the statement takes (statement_forms), derived once for the rules and the file state.
  const std::vector<FormOnRelation>& forms() const;

  Node node() const { return statement.node.body(); }
  std::string_view type() const { return statement.type; }
  bool is_down() const { return section.direction == Direction::Down; }
  // Created earlier in this file (or, for a function body, earlier in that body): no lock rules
  // apply to it.
  bool is_new_table(const std::string& name) const;
  bool is_new_index(const std::string& name) const { return state.created_indexes.count(name) > 0; }
};

// A finding as a rule reports it; the linter adds severity, file and statement.
struct RuleFinding {
  std::string message;  // what was found and the fact (lock, rewrite, scan)
  std::string fix;      // the safe rewrite, as SQL ready to paste when there is one
  int line = 0;         // 0: the statement's line
  std::string relation; // the existing table it is about, for size-aware severity
};

class LintRule {
 public:
  virtual ~LintRule() = default;
  virtual std::string_view id() const = 0;
  virtual void check(const StatementContext& context, std::vector<RuleFinding>& out) const;
  // Called once after every statement, for rules about the whole file.
  struct FileContext {
    const ParsedMigration& migration;
    const Schema& schema;  // after the file
    const FileState& state;
    const Settings& settings;
  };
  virtual void finish(const FileContext& context, std::vector<RuleFinding>& out) const;
};

struct RuleInfo {
  std::string id;
  bool enabled_by_default = true;
  Severity severity = Severity::Warning;
  std::string category;  // lock, transaction, destructive, convention
  std::string summary;
  // For conventions a project may not follow: what in its CLAUDE.md says it does (a pattern). Until
  // it does, or the rule is turned on in .pgguard.json, the rule speaks once per run, not per table.
  std::string convention_stated_by;
  // Whether the rule also checks the statements of function and procedure bodies, which run when
  // called rather than during the migration: what they do to data, not the migration's locks.
  bool function_bodies = false;
};

// The fix that runs `statement` (ending in ';') without a transaction, in the terms of the tool that
// runs this migration: the statement itself where the migration already runs outside one, else the
// tool's own way out (dbmate transaction:false, pgm.noTransaction(), a file of its own for Prisma...)
// or, where the tool has none (drizzle), how to run it outside the tool.
std::string outside_transaction_fix(const StatementContext& context, const std::string& statement);

// Runs `rule` on the statement when it applies there: a statement of a function or procedure body
// that the migration does not call reaches only rules marked function_bodies, and their findings
// say that it happens when the function runs.
void check_statement(const LintRule& rule, const RuleInfo* info, const StatementContext& context, std::vector<RuleFinding>& out);

// Every lint rule with its metadata from config/lint_rules.json, in id order.
const std::vector<std::unique_ptr<LintRule>>& lint_rules();
const RuleInfo* rule_info(std::string_view id);
const std::vector<RuleInfo>& all_rule_info();

}  // namespace pgguard::lint
