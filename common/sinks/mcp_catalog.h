#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "sinks/cli_catalog.h"

namespace pgguard::sinks {

// One MCP tool (or a family of them) that reaches a database (config/mcp_tools.json; format in
// config/README.md).
struct McpTool {
  enum class Kind { Query, Migration, Explain, Operation, FileWrite };
  Kind kind = Kind::Query;
  std::vector<std::string> names;        // exact tool names
  std::shared_ptr<RE2> name_pattern;     // or a pattern; its first group names the target
  std::shared_ptr<RE2> servers;          // when set: only servers whose key or address matches...
  std::vector<std::string> evidence_fields;  // ...or whose input holds one of these fields
  std::vector<std::string> sql_fields;   // "sql", or "sqlStatements[]" for an array of statements
  std::string template_field;            // SQL built from the input: the field choosing the template ("" = one template)
  std::map<std::string, std::string> templates;  // value of template_field -> SQL with {field} parts
  std::string applies_field;             // the SQL runs only when this field is true...
  bool applies_default = true;           // ...or, when it is absent, when this is
  std::string analyze_field;             // explain: true means the statement executes
  CliClass operation_class = CliClass::Destructive;  // operation: deny -> Destructive, ask -> Write
  std::string what;                      // operation: what it does
  std::string safe_way;
  std::string server_label;              // "Neon", "Supabase"
  std::string path_field, content_field, edits_field;  // file_write
};

class McpCatalog {
 public:
  // Throws on malformed data.
  static McpCatalog load(std::string_view json_text);

  struct Match {
    const McpTool* tool = nullptr;
    std::string server;  // the server key, split off the tool name when the client did not
    std::string target;  // the name pattern's group (DBHub's execute_sql_<source>)
  };
  // The catalog entry for a call. `tool` may still carry the server in front (mcp_<server>_<tool>,
  // <server>-<tool>) when `server` is empty.
  Match match(const std::string& server, const std::string& tool, const nlohmann::json& input, const std::string& address) const;

  // Whether a server's key, address or tool name looks database-related (unknown tools are judged
  // by their SQL fields only then).
  bool looks_like_database(const std::string& text) const;
  const std::vector<std::string>& sql_field_names() const { return sql_field_names_; }
  const std::vector<std::string>& target_fields() const { return target_fields_; }

 private:
  std::shared_ptr<RE2> database_names_;
  std::vector<std::string> sql_field_names_;
  std::vector<std::string> target_fields_;
  std::vector<McpTool> tools_;
};

// The catalog compiled in from config/mcp_tools.json.
const McpCatalog& builtin_mcp_catalog();

}  // namespace pgguard::sinks
