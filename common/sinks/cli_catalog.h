#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

namespace pgguard::sinks {

enum class CliClass { Destructive, Push, Migrate, Write, Maintenance, Safe };
CliClass parse_cli_class(std::string_view name);
std::string_view cli_class_name(CliClass cls);

struct CliSubcommand {
  std::vector<std::string> args;                 // leading positionals (a word may be a glob: "*", "postgres*")
  std::vector<std::string> operands;             // globs: when given, a later positional must match one
  std::vector<std::vector<std::string>> flags;  // each group: at least one present
  CliClass cls = CliClass::Safe;
  std::string what;
  std::string safe;
  bool remote = false;
  std::vector<std::string> sql_flags;       // the flag's value is SQL the tool runs (typeorm query)
  std::vector<std::string> sql_file_flags;  // the flag's value is a file of SQL (prisma db execute --file)
  std::vector<std::string> sql_stdin_flags; // the flag makes the tool run SQL from its input (--stdin)
  bool sql_positional = false;              // the first positional after the subcommand is SQL
  std::string output_shape;                 // the shape of the SQL it prints (manage.py sqlflush)
  bool psql_session = false;                // opens psql: SQL on its standard input is judged as psql's
  bool creates_database = false;            // createdb NAME: later calls on NAME work in a database of the command's own
  bool local_scratch = false;               // quiet against a local database (prisma migrate dev)
};

struct CliTool {
  std::string name;
  std::vector<std::string> programs;
  std::vector<std::string> value_flags;
  std::vector<std::string> env_flags;
  std::vector<std::string> url_flags;
  std::vector<std::string> local_flags;
  std::vector<std::string> driver_positionals;  // goose DRIVER DBSTRING COMMAND: both leading words skipped
  bool database_positional = false;             // dropdb NAME: the first positional names the database
  std::vector<CliSubcommand> subcommands;
};

struct ScriptPattern {
  std::shared_ptr<RE2> pattern;
  CliSubcommand judgement;
};

// The catalog of database and migration CLIs (config/cli_catalog.json; format in config/README.md).
// load() reads the JSON once and indexes the tools by program; a tool's entry and the script
// patterns are parsed and converted on first use, since one command needs one or two of them.
class CliCatalog {
 public:
  // Throws on malformed data. The text must outlive the catalog (the embedded config does).
  static CliCatalog load(std::string_view json_text);
  CliCatalog(CliCatalog&&) noexcept;
  ~CliCatalog();
  const CliTool* find_tool(std::string_view program) const;
  // The first subcommand entry matching args (args exclude the program); nullptr when none.
  const CliSubcommand* match(const CliTool& tool, const std::vector<std::string>& args) const;
  // The arguments that are neither flags nor flag values.
  static std::vector<std::string> positionals(const CliTool& tool, const std::vector<std::string>& args);
  // Judges a package.json script by its name; nullptr when no pattern matches.
  const CliSubcommand* judge_script_name(std::string_view name) const;
  // Flag value lookup honouring `--flag value`, `--flag=value` and `-fvalue`.
  static std::vector<std::string> flag_values(const std::vector<std::string>& args, const std::vector<std::string>& flags,
                                              const std::vector<std::string>& value_flags);
  // Whether a flag is given: exactly, as --flag=value, with an attached value (-dapp), or inside a
  // bundle of short flags (-cd), where a letter that takes a value ends the bundle.
  static bool flag_present(const std::vector<std::string>& args, std::string_view flag, const std::vector<std::string>& value_flags = {});

 private:
  struct Parsed;  // the document and the entries converted so far
  CliCatalog();
  std::unique_ptr<Parsed> parsed_;
};

}  // namespace pgguard::sinks
