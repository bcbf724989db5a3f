#pragma once
#include <optional>
#include <string>
#include <vector>

namespace pgguard::lint {

enum class Tool {
  Plain, Drizzle, Prisma, Flyway, Liquibase, Dbmate, GolangMigrate, Goose, Sqitch, Supabase, NodePgMigrate, Knex, Sequelize, Alembic,
  TypeOrm, Diesel, Sqlx, Popx, Rails, Django, Ecto
};
const char* tool_name(Tool tool);
std::optional<Tool> parse_tool(const std::string& name);

enum class Direction { Up, Down };

// How the tool sends a section to the server, which decides whether CONCURRENTLY fails and how
// long locks are held.
enum class TxMode {
  Autocommit,  // psql style: each statement commits unless the file opens BEGIN
  Single,      // the tool wraps the whole section in one transaction
  Implicit,    // one multi-statement query: one implicit transaction when it holds >1 statement
};

struct Section {
  Direction direction = Direction::Up;
  TxMode tx = TxMode::Autocommit;
  std::string sql;       // the section's SQL; offsets below are into the file
  size_t offset = 0;     // where sql starts in the file text
  int first_line = 1;    // the file line of sql's first character
  std::string label;     // "migrate:up", "changeset alice:1", ...
  bool interpolated = false;  // a JS template literal whose ${...} parts were blanked out
};

// A builder call whose SQL cannot be known from the text (a variable table name, a spread).
struct UnlintableCall {
  int line = 1;
  std::string message;
  std::string fix;
};

struct MigrationFile {
  std::string path;
  std::string text;
  Tool tool = Tool::Plain;
  bool is_down_file = false;          // golang-migrate .down.sql, diesel down.sql, Flyway U__, sqitch revert/
  bool expects_down = false;          // the tool has a down convention and this is an up migration
  std::vector<Section> sections;
  std::string too_dynamic;            // JS/Python migration whose SQL cannot be extracted
  std::vector<UnlintableCall> unlintable_calls;
};

// Whether a path (relative to the project root, or absolute) is a migration under some tool's
// layout, or under one of the configured globs.
bool is_migration_path(const std::string& path, const std::vector<std::string>& extra_globs = {});

// The tool a file belongs to, from its content, its path and the tools its project uses.
Tool detect_tool(const std::string& path, const std::string& text);

// Splits a migration into sections with direction and transaction mode.
// `text` is kept in the result: pass it moved when the caller no longer needs it.
MigrationFile read_migration(const std::string& path, std::string text, std::optional<Tool> forced_tool = {});

// '*' matches within a path component, '**' across components, '?' one character, [0-9] a class.
bool glob_match(const std::string& pattern, const std::string& path);
// JS/TS, Python, Ruby and Elixir migrations: SQL lives in string literals of calls.
bool is_script_language(const std::string& path);
// Whether the name ends in .sql, in any case.
bool is_sql_file(const std::string& path);
std::string parent_dir(const std::string& path);
// The down file the tool pairs with an up file (golang-migrate .down.sql, diesel down.sql, sqitch
// revert/); "" when the tool keeps downs elsewhere or has none.
std::string down_file_for(const MigrationFile& file);

// Whether a table is a migration tool's own history (schema_migrations, flyway_schema_history, ...):
// writes to it are the tool's bookkeeping, not a data change.
bool is_bookkeeping_table(const std::string& table);

}  // namespace pgguard::lint
