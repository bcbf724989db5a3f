#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pgguard::sinks {

// What psql meta-commands do besides sending SQL.
struct PsqlEvent {
  enum class Kind { ShellEscape, Opaque, Connect };
  Kind kind;
  std::string what;  // e.g. "\\! rm -rf /tmp/x", "\\gexec", the \connect target
};

struct PsqlInput {
  std::string sql;  // the SQL psql sends, variables interpolated, meta-commands removed
  std::vector<PsqlEvent> events;
};

struct PsqlInputContext {
  std::map<std::string, std::string> variables;  // -v / --set values
  std::vector<std::string> opaque_variables;      // set from values the guard cannot read
  std::string cwd;                                // \i paths are relative to it
  // Reads a file psql would include (\i, \ir); nullopt when it cannot be read.
  std::function<std::optional<std::string>(const std::string& path)> read_file;
  int max_include_depth = 8;
};

// Splits psql input into the SQL it sends and its meta-command effects, following \i / \ir.
// file_dir is the directory of the file the text came from (\ir is relative to it).
PsqlInput read_psql_input(const std::string& text, PsqlInputContext& context, const std::string& file_dir = "");

}  // namespace pgguard::sinks
