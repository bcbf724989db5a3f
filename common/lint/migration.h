#pragma once
#include <optional>
#include <string>
#include <vector>

namespace pgguard::lint {

enum class Tool { Plain, Drizzle, Prisma, Flyway, Liquibase, Dbmate, GolangMigrate, Goose, Sqitch, Supabase, NodePgMigrate, Knex, Sequelize, Alembic };
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
};

struct MigrationFile {
  std::string path;
  std::string text;
  Tool tool = Tool::Plain;
  bool is_down_file = false;          // golang-migrate .down.sql, Flyway U__, sqitch revert/
  bool expects_down = false;          // the tool has a down convention and this is an up migration
  std::vector<Section> sections;
  std::string too_dynamic;            // JS/Python migration whose SQL cannot be extracted
};

// Whether a path looks like a migration under the default layouts (or the configured globs).
bool is_migration_path(const std::string& path, const std::vector<std::string>& extra_globs = {});

// The tool a file belongs to, from its path, its content and its project.
Tool detect_tool(const std::string& path, const std::string& text);

// Splits a migration into sections with direction and transaction mode.
MigrationFile read_migration(const std::string& path, const std::string& text, std::optional<Tool> forced_tool = {});

// Earlier migrations of the same directory in the tool's order (paths), excluding `path`.
std::vector<std::string> earlier_migrations(const std::string& path, Tool tool, size_t max_files = 2000);

bool glob_match(const std::string& pattern, const std::string& path);

// Whether a table is a migration tool's own history (schema_migrations, flyway_schema_history, ...):
// writes to it are the tool's bookkeeping, not a data change.
bool is_bookkeeping_table(const std::string& table);

}  // namespace pgguard::lint
