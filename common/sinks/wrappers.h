#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pgguard::sinks {

// A command that runs another command given after its own words (config/wrappers.json; format
// in config/README.md).
struct Wrapper {
  std::string program;
  std::vector<std::string> subcommand;    // words that must follow the program: `doppler run`
  std::vector<std::string> value_flags;   // options that take the next word as their value
  std::vector<std::string> string_flags;  // the option's value is a shell command line: nix-shell --run
  std::vector<std::string> argv_flags;    // the words after the option are the command: nix develop -c
  size_t skip = 0;                        // positionals before the command: a container, a profile
  bool assignments = false;               // NAME=VALUE words before the command set its environment
  bool no_options = false;                // the command starts right away: nohup -x runs -x
  bool after_dashdash = false;            // a `--` word starts the command wherever it stands
  bool string_command = false;            // a command given as one word with spaces is a command line
  bool each_string = false;               // every remaining word is a command line: concurrently "a" "b"
  std::vector<std::string> target_flags;  // the option's value names where it runs: heroku run -a APP
  std::string remote;                     // where the command runs, when that is another machine
};

class WrapperCatalog {
 public:
  // The catalog compiled in from config/wrappers.json.
  static const WrapperCatalog& builtin();
  static WrapperCatalog load(std::string_view json_text);

  // The program's entries, longest subcommand first.
  std::vector<const Wrapper*> find(std::string_view program) const;
  // Programs that take program names as data (grep psql, man dropdb): never taken for wrappers.
  bool names_programs_as_data(std::string_view program) const { return not_wrappers_.count(program) > 0; }
  // Programs that, seen later in an unknown wrapper's words, are judged as run by it.
  bool is_database_program(std::string_view program) const { return database_programs_.count(program) > 0; }

 private:
  std::multimap<std::string, Wrapper, std::less<>> wrappers_;
  std::set<std::string, std::less<>> not_wrappers_;
  std::set<std::string, std::less<>> database_programs_;
};

}  // namespace pgguard::sinks
