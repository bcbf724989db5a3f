#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

namespace pgguard::sinks {

// A language whose programs can reach PostgreSQL through a database driver, and the shell
// (config/interpreters.json; format in config/README.md).
struct Language {
  std::string name;
  std::vector<std::string> programs;
  std::vector<std::string> extensions;   // ".py": a file run by path without a shebang
  std::vector<std::string> code_flags;   // python -c CODE
  std::vector<std::string> value_flags;  // options that take the next word
  std::vector<std::string> check_flags;  // the code is only checked, not run: node --check, php -l
  std::string drivers;                   // re2 pattern: code that loads a PostgreSQL driver or ORM
  // Calls whose first string-literal argument is SQL (".execute": a method, "pg_query": a
  // function), and calls whose argument is a shell command line.
  std::vector<std::string> sql_calls;
  std::vector<std::string> shell_calls;
  bool backticks = false;  // `...` runs a shell command
};

// `rails runner CODE|FILE`, `mix run -e CODE|FILE`: a framework command that runs code with the
// application's database connection loaded.
struct Runner {
  std::vector<std::string> programs;
  std::vector<std::string> subcommand;
  std::string language;
  std::vector<std::string> code_flags;  // -e CODE, --execute=CODE; otherwise a file, code or standard input
};

// One call found in code.
struct CodeCall {
  enum class Kind { Sql, Shell };
  Kind kind = Kind::Sql;
  std::string call;                  // ".execute", "os.system"
  std::optional<std::string> text;   // the literal argument; nullopt when it is not a literal
  bool partial = false;              // text is the literal's shape: some parts are placeholders
  int line = 1;
};

class InterpreterCatalog {
 public:
  // The catalog compiled in from config/interpreters.json.
  static const InterpreterCatalog& builtin();
  static InterpreterCatalog load(std::string_view json_text);

  const Language* language_of_program(std::string_view program) const;
  const Language* language_of_file(std::string_view path) const;        // by extension
  const Language* language_named(std::string_view name) const;
  const Runner* runner(std::string_view program, const std::vector<std::string>& args) const;
  bool has_runner(std::string_view program) const;

 private:
  std::vector<Language> languages_;
  std::vector<Runner> runners_;
};

// The SQL and shell calls in code; SQL calls only when the code loads a driver (or the runner
// has it loaded). At most max_calls calls are returned.
std::vector<CodeCall> scan_code(const Language& language, std::string_view code, bool driver_loaded, size_t max_calls = 256);

// postgres:// and postgresql:// URLs written in code: they say which database it reaches.
std::vector<std::string> connection_urls(std::string_view code);

}  // namespace pgguard::sinks
