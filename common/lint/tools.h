#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lint/migration.h"
#include "util/pattern.h"

namespace pgguard::lint {

// How a tool splits a file into up and down parts.
enum class SectionFormat { Whole, Dbmate, Goose, Liquibase, Script };
// Where a tool keeps a migration's down.
enum class DownConvention { None, Section, Suffix, Folder, PrefixU, Sqitch, Methods };
// The order a tool applies its migrations in.
enum class ApplyOrder { Name, Version, SqitchPlan, AlembicChain, Changelog };

// What pgguard knows about one migration tool: config/migration_tools.json, one record each.
struct ToolRecord {
  Tool tool = Tool::Plain;
  std::string name;
  std::vector<Pattern> markers;                                 // content that names the tool
  std::vector<std::pair<std::string, std::string>> manifests;   // {file, text it holds} in a project folder
  std::vector<std::string> files;                               // config files in a project folder
  std::vector<std::string> paths;                               // globs naming the tool's files
  std::vector<Pattern> path_patterns;                           // the same, as patterns
  std::vector<std::string> sibling_files;                       // relative to a migration's folder
  bool requires_project = false;                                // paths count only in a project using the tool
  bool requires_sibling = false;                                // paths count only with a sibling file
  std::vector<Pattern> content;                                 // script content that names the tool
  std::vector<std::string> layouts;                             // where its migrations live by default
  std::vector<Pattern> foreign_dialects;                        // files for other databases
  SectionFormat format = SectionFormat::Whole;
  TxMode transaction = TxMode::Autocommit;
  std::vector<Pattern> transaction_markers;                     // content that wraps an autocommit tool's file in one
  std::vector<Pattern> no_transaction_markers;                  // content that opts a file out of it
  std::optional<Pattern> no_transaction_statements;             // statements the tool runs without one when alone
  std::vector<Pattern> sql_sections;                            // up and down markers of the tool's .sql files
  std::vector<Pattern> no_transaction_names;                    // file names that do
  // A file beside it that does ({file} stands for the migration's own name).
  std::vector<std::pair<std::string, Pattern>> no_transaction_files;
  DownConvention down = DownConvention::None;
  ApplyOrder order = ApplyOrder::Name;
  std::string bookkeeping_table, bookkeeping_key;
  std::string bookkeeping_match;  // how a file maps to what the table records (file-name, version, journal, ...)
  std::string no_transaction_fix;  // how to run {statement} outside the tool's transaction
};

// Every record, in detection order.
const std::vector<ToolRecord>& tool_records();
const ToolRecord& tool_record(Tool tool);
// Folders the migration search never enters (dependencies, build output, virtualenvs).
const std::vector<std::string>& skip_directories();
// Whether any of `patterns` matches somewhere in `text`.
bool matches_any(const std::vector<Pattern>& patterns, const std::string& text);
// A migration for another database (popx's .mysql.up.sql): never PostgreSQL's.
bool is_foreign_dialect(const std::string& path);
// Whether the tool reads this file as a down migration (a .down.sql, diesel's down.sql, Flyway's
// U<n>__, sqitch's revert/).
bool is_down_path(const ToolRecord& record, const std::string& path);
// The fix that moves `statement` (ending in ';') out of the tool's transaction, in the tool's own terms.
std::string no_transaction_fix(Tool tool, const std::string& statement);

}  // namespace pgguard::lint
