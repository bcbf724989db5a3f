#pragma once
// The shell stage's walker, shared by the files that implement it (find_*.cpp). Not a public
// interface: callers use sinks::find.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "shell/ast.h"
#include "sinks/cluster.h"
#include "sinks/find.h"
#include "sinks/interpreters.h"
#include "sinks/package_scripts.h"
#include "sinks/task_runners.h"
#include "sinks/wrappers.h"

namespace pgguard::sinks::finder {

using shell::Command;
using shell::Script;
using shell::ScriptPtr;
using shell::Word;
using shell::WordPart;
using MaybeText = std::optional<std::string>;

// One argument after expansion: its text, or nullopt when it cannot be known. `shape` is the
// text with every unknown part replaced by a placeholder identifier, so a statement whose table
// name is a variable is still seen as the DROP TABLE it is.
struct Arg {
  MaybeText text;
  std::string source;
  std::string shape;
};

constexpr char kUnknown[] = "pgguard_unknown";
using Args = std::vector<Arg>;

// What flows into a command's standard input or out of its standard output.
struct Stream {
  enum class Kind { None, Literal, Opaque, Dump };
  Kind kind = Kind::None;
  std::string text;         // Literal: the data; Opaque: what produced it
  bool clean_dump = false;  // Dump: pg_dump --clean (the restore drops objects first)
  std::string shape;        // Opaque: the data with unknown parts as placeholders, when mostly known

  static Stream literal(std::string text) { return {Kind::Literal, std::move(text), false, {}}; }
  static Stream opaque(std::string what, std::string shape = {}) { return {Kind::Opaque, std::move(what), false, std::move(shape)}; }
};

struct Scope {
  std::map<std::string, MaybeText> vars;
  std::map<std::string, std::vector<MaybeText>> arrays;
  std::optional<std::vector<MaybeText>> positional;  // $1 $2 ... when known (functions, bash -c, set --)
  std::optional<MaybeText> dollar0;                  // $0 of bash -c 'script' NAME
  std::map<std::string, MaybeText> files;  // written earlier in the same command
  std::map<std::string, ScriptPtr> functions;
  std::map<std::string, std::string> aliases;
  std::vector<TargetSignal> signals;       // dotenv files loaded, connection exports
  std::string cwd;
};

// What a docker compose command names before its subcommand: -f files, -p, --project-directory.
struct ComposeOptions {
  bool compose = false;
  std::vector<std::string> files;
  std::string project, directory;
};

// One command about to run, as wrappers are peeled off.
struct Exec {
  Args args;
  std::map<std::string, MaybeText> env;  // assignment prefixes and dotenv loads for this command
  std::vector<TargetSignal> signals;     // ssh hosts, containers, contexts it runs through
  Stream input;
  std::string cwd;
  int depth = 0;
};

extern const std::set<std::string, std::less<>> kShells;

bool is_dotenv_name(const std::string& path);
bool is_config_file(const std::string& path);
// The arguments from `from` on, quoted for display.
std::string display(const Args& args, size_t from = 0);
// Parses KEY=VALUE lines of a dotenv file (export prefixes, quotes and comments allowed).
std::map<std::string, std::string> parse_dotenv(const std::string& text);
// Index of the first argument after options; value_options consume the next argument.
size_t skip_options(const Args& args, size_t start, const std::set<std::string, std::less<>>& value_options);

// Walks a parsed command as bash would run it, following every way it reaches PostgreSQL.
// A database the command creates, on the server `host` ("" for the default one).
struct CreatedDatabase {
  std::string name, host;
};

class Finder {
 public:
  explicit Finder(const FindContext& context) : ctx_(context) {}
  Report run(const shell::ParseResult& parsed, std::string_view command);

  // A program's handler: runs `exec` (whose first word is `program`) and returns its output.
  using Handler = Stream (Finder::*)(const std::string& program, Exec& exec, Scope& scope);

 private:
  const FindContext& ctx_;
  Report report_;
  int process_substitutions_ = 0;
  int files_read_ = 0;  // programs and code files read, against ctx_.max_files
  std::vector<CreatedDatabase> created_;  // in the order the command runs

  bool out_of_budget();
  void add_service_targets(std::vector<TargetSignal>& signals) const;
  size_t event_count() const { return report_.sql.size() + report_.clis.size() + report_.opaque_scripts.size(); }
  void opaque(const std::string& what);

  // find.cpp: scripts and compound commands
  Stream run_source(const std::string& source, Scope& scope, int depth, const Stream& input = {});
  Stream run_script(const Script& script, Scope& scope, int depth, const Stream& input = {});
  static Stream concatenate(const Stream& a, const Stream& b);
  Stream run_command(const Command& command, Scope& scope, const Stream& input, int depth);
  Stream run_bodies(const Command& command, Scope& scope, const Stream& input, int depth);
  Stream run_for(const Command& command, Scope& scope, int depth);

  // find_expand.cpp: word expansion and files
  MaybeText lookup(const std::string& name, const Scope& scope) const;
  MaybeText parameter(const WordPart& part, Scope& scope);
  static void keep_signals(Scope& outer, const Scope& inner);
  MaybeText resolve(const Word& word, Scope& scope, int depth, std::string* shape = nullptr);
  Args resolve_words(const std::vector<Word>& words, Scope& scope, int depth);
  static std::vector<std::string> expand_glob(const std::string& pattern, const std::string& cwd);
  MaybeText read_file(const std::string& path, const Scope& scope) const;
  bool written_opaquely(const std::string& path, const Scope& scope) const;

  // find_simple.cpp: simple commands up to the program that runs
  Stream redirected_input(const Command& command, Scope& scope, const Stream& piped, int depth);
  Stream run_simple(const Command& command, Scope& scope, const Stream& piped, int depth);
  void note_connection_export(const std::string& name, const MaybeText& value, Scope& scope, const std::string& how);
  std::vector<TargetSignal> target_signals(const Exec& exec, const Scope& scope) const;
  Stream run_exec(Exec& exec, Scope& scope);

  // find_wrappers.cpp: commands that run another command
  std::optional<bool> unwrap(const std::string& program, Exec& exec, Scope& scope);
  std::optional<bool> unwrap_listed(const Wrapper& wrapper, Exec& exec, Scope& scope);
  std::optional<bool> command_words(const Wrapper& wrapper, const std::string& how, Exec& exec, Scope& scope, size_t start);
  std::optional<bool> run_string(const Arg& command, const std::string& how, Exec& exec, Scope& scope);
  std::optional<bool> unwrap_find(Exec& exec, Scope& scope);
  std::optional<bool> unwrap_parallel(Exec& exec, Scope& scope);
  std::optional<bool> unwrap_xargs(Exec& exec);
  std::optional<bool> unwrap_git_alias(Exec& exec, Scope& scope);

  // find_dispatch.cpp: the program-to-handler table and the shell's builtins
  static const std::map<std::string, Handler, std::less<>>& handlers();
  Stream dispatch(const std::string& program, Exec& exec, Scope& scope);
  Stream run_default(const std::string& program, Exec& exec, Scope& scope);
  std::optional<Stream> run_behind_unknown_wrapper(const std::string& program, Exec& exec, Scope& scope);
  Stream run_nothing(const std::string& program, Exec& exec, Scope& scope);
  Stream run_eval(const std::string& program, Exec& exec, Scope& scope);
  Stream run_cd(const std::string& program, Exec& exec, Scope& scope);
  Stream run_export(const std::string& program, Exec& exec, Scope& scope);
  Stream run_set(const std::string& program, Exec& exec, Scope& scope);
  Stream run_alias(const std::string& program, Exec& exec, Scope& scope);
  Stream run_read(const std::string& program, Exec& exec, Scope& scope);
  Stream run_printf(const std::string& program, Exec& exec, Scope& scope);
  Stream run_file_writer(const std::string& program, Exec& exec, Scope& scope);
  void note_config_writes(const std::string& program, const Args& a);

  // find_interpreters.cpp: programs run by path, interpreters, framework runners
  bool take_file_budget(const std::string& what);
  Stream run_program_file(const std::string& program, Exec& exec, Scope& scope);
  Stream run_interpreter(const Language& lang, const std::string& program, Exec& exec, Scope& scope);
  Stream run_runner(const Runner& runner, const std::string& program, Exec& exec, Scope& scope);
  Stream run_code_file(const Language& lang, const std::string& path, Exec& exec, Scope& scope, bool driver_loaded);
  Stream run_code(const Language& lang, const std::string& code, const std::string& where, Exec& exec, Scope& scope, bool driver_loaded);

  // find_tasks.cpp: task runners
  Stream run_task_runner(const TaskRunner& runner, const std::string& program, Exec& exec, Scope& scope);
  void run_recipe(const std::string& program, const RecipeBook& book, const std::string& name, const std::string& dir, Exec& exec,
                  Scope& scope, std::set<std::string>& done);
  Stream run_workspace_scripts(const std::string& program, const std::vector<std::string>& names, bool workspaces, Exec& exec, Scope& scope);
  bool workspace_defines(const PackageScripts& root, const std::string& name) const;
  Stream run_nx(const std::vector<std::string>& words, Exec& exec, Scope& scope);

  // find_cluster.cpp: the cluster's data directory and container volumes
  void report_cluster_loss(const std::string& tool, const std::string& what, const std::string& safe, Exec& exec, Scope& scope);
  void judge_removal(const std::string& tool, const Args& operands, bool recursive, Exec& exec, Scope& scope);
  Stream run_remove(const std::string& program, Exec& exec, Scope& scope);
  std::vector<PostgresData> compose_postgres_data(const ComposeOptions& options, Exec& exec, Scope& scope);
  void judge_container_removal(const ComposeOptions& options, size_t at, Exec& exec, Scope& scope);

  // find_scratch.cpp: databases the command makes for itself
  std::string created_earlier(const std::vector<TargetSignal>& target, std::vector<std::string>* same_server) const;
  void note_scratch_sql(SqlSink& sink);
  void note_scratch_call(const CliSubcommand& sub, const std::vector<std::string>& positionals, CliCall& call, Scope& scope);
  void judge_scratch_call(const CliSubcommand& sub, const std::vector<std::string>& positionals, CliCall& call, Scope& scope);

  // find_produce.cpp: what commands print
  Stream produce(const std::string& program, Exec& exec, Scope& scope);

  // find_psql.cpp: psql and the framework consoles that are psql underneath
  Stream run_psql(const std::string& program, Exec& exec, Scope& scope);
  Stream run_framework_console(const std::string& program, Exec& exec, Scope& scope);
  Stream run_php(const std::string& program, Exec& exec, Scope& scope);
  static CliCall restore_call(const Stream& dump, const std::vector<TargetSignal>& signals);

  // find_shells.cpp: shells, sourced scripts, dotenv loaders
  Stream run_shell(const std::string& program, Exec& exec, Scope& scope);
  Stream run_script_file(const Arg& path, Exec& exec, Scope& scope, bool same_scope);
  Stream run_source_file(const std::string& program, Exec& exec, Scope& scope);
  void load_dotenv(const std::string& path, Exec& exec, Scope& scope);
  Stream run_dotenv(const std::string& program, Exec& exec, Scope& scope);

  // find_remote.cpp: remote hosts and containers
  Stream run_ssh(const std::string& program, Exec& exec, Scope& scope);
  Stream run_gcloud(const std::string& program, Exec& exec, Scope& scope);
  Stream run_heroku(const std::string& program, Exec& exec, Scope& scope);
  Stream run_su(const std::string& program, Exec& exec, Scope& scope);
  Stream run_docker(const std::string& program, Exec& exec, Scope& scope);
  Stream run_kubectl(const std::string& program, Exec& exec, Scope& scope);

  // find_packages.cpp: package managers, their runners and package.json scripts
  Stream run_npx(const std::string& program, Exec& exec, Scope& scope);
  Stream run_bin(Exec& exec, size_t at, Scope& scope);
  Stream run_package_manager(const std::string& pm, Exec& exec, Scope& scope);
  Stream run_package_manager_at(const std::string& pm, Exec& exec, size_t at, Scope& scope);
  Stream run_named_script(const std::string& pm, Exec& exec, size_t at, Scope& scope, bool bin_fallback = false);
  void judge_script(const std::string& name, const std::string& command, Exec& exec, Scope& scope, const std::string& unresolved);
  void add_project_dotenv(Exec& exec, Scope& scope);

  // find_catalog.cpp: database and migration CLIs from the catalog
  Stream run_catalog_tool(const CliTool& tool, const std::string& program, Exec& exec, Scope& scope);
  void add_cli_sql(const CliTool& tool, const CliSubcommand& sub, const std::vector<std::string>& args, Exec& exec, Scope& scope,
                   const std::vector<TargetSignal>& signals);
};

}  // namespace pgguard::sinks::finder
