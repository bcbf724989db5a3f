#pragma once
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace pgguard::cli {

// One `pgguard <name>` subcommand: its usage lines for --help and its entry point, which returns
// the exit status (0 success, 1 findings, 2 usage or I/O error).
struct Command {
  const char* name;
  const char* usage;
  int (*run)(const std::vector<std::string>& args);
};

const std::vector<Command>& commands();

void print_usage(std::ostream& out);
// Prints "pgguard: <message>" and the usage; returns 2.
int usage_error(const std::string& message);
// The value of `--name VALUE` or `--name=VALUE` at args[i] (advancing i past a separate value);
// nullopt when args[i] is another argument.
std::optional<std::string> option_value(const std::vector<std::string>& args, size_t& i, const char* name);

int check_command(const std::vector<std::string>& args);
int lint(const std::vector<std::string>& args);
int migrations(const std::vector<std::string>& args);
int rules(const std::vector<std::string>& args);
int explain(const std::vector<std::string>& args);
int log(const std::vector<std::string>& args);
int init(const std::vector<std::string>& args);
int uninstall(const std::vector<std::string>& args);
int doctor(const std::vector<std::string>& args);
int trace(const std::vector<std::string>& args);
int verify_down(const std::vector<std::string>& args);
int stats(const std::vector<std::string>& args);
int server(const std::vector<std::string>& args);

}  // namespace pgguard::cli
