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

// A pattern of the catalog, compiled on first use: a call needs one or two of them, and most
// calls are not database calls at all. Throws on a malformed pattern.
class McpPattern {
 public:
  McpPattern() = default;
  McpPattern(std::string pattern, bool case_insensitive) : pattern_(std::move(pattern)), case_insensitive_(case_insensitive) {}
  explicit operator bool() const { return !pattern_.empty(); }
  bool found_in(const std::string& text) const;  // false for an empty text
  // The pattern's first group where it is found in `text`; "" when it is not.
  std::string group_in(const std::string& text) const;

 private:
  const RE2& compiled() const;

  std::string pattern_;
  bool case_insensitive_ = true;
  mutable std::shared_ptr<RE2> re_;
};

// A boolean input field's say: holds when the field equals `value`, or, when the field is absent
// or not a boolean (or no field is named), when `absent` is true (the server's own default).
struct McpCondition {
  std::string field;
  bool value = true;
  bool absent = true;
  bool holds(const nlohmann::json& input) const;
};

// One MCP tool (or a family of them) of a database server (config/mcp_tools.json; format in
// config/README.md).
struct McpTool {
  // Silent: a known tool that changes nothing (list_tables, search_docs); never judged.
  enum class Kind { Query, Migration, Explain, Operation, FileWrite, Silent };
  Kind kind = Kind::Query;
  std::vector<std::string> names;        // exact tool names
  std::string name_prefix;               // or names starting with this; the rest names the target
  McpPattern servers;                    // when set: only servers whose key or address matches...
  bool database_servers = false;         // ...or only servers named like a database...
  std::vector<std::string> evidence_fields;  // ...or whose input holds one of these fields
  std::vector<std::string> sql_fields;   // the first non-empty one holds the SQL; "x[]": an array of statements
  bool sql_required = true;              // false: without any of these fields the call runs no SQL
  std::string template_field;            // SQL built from the input: the field choosing the template ("" = one template)
  std::map<std::string, std::string> templates;  // value of template_field -> SQL with {field} parts ("" = only reads)
  McpCondition applies;                  // the call changes anything only when this holds
  McpCondition analyze{"", true, false};  // explain: when this holds the statement executes
  std::string project_field;             // migration without SQL: the project folder whose pending migrations it applies
  CliClass operation_class = CliClass::Destructive;  // operation: from its rule
  bool production = false;               // operation: it writes to production by definition (merge into main)
  std::string what;                      // operation, migration: what it does
  std::string safe_way;
  std::string server_label;              // "Neon", "Supabase": the server this entry belongs to
  std::string path_field, content_field, edits_field;  // file_write
};

// A server family: its name in reasons and its own safe workflow for changing a database.
struct McpServerFamily {
  std::string label;
  McpPattern names;  // matches the server key or address
  std::string safe_way;
};

// The catalog of MCP tools. load() reads the JSON once and indexes the entries by tool name; an
// entry is converted on first use, since one call needs one or two of them (and most calls none).
class McpCatalog {
 public:
  // Throws on malformed data; a malformed entry throws when a call first reaches it.
  static McpCatalog load(std::string_view json_text);

  struct Match {
    const McpTool* tool = nullptr;
    std::string server;  // the server key, split off the tool name when the client did not
    std::string name;    // the tool's own name
    std::string target;  // what follows the name prefix (DBHub's execute_sql_<source>)
  };
  // The catalog entry for a call. `tool` may still carry the server in front (mcp_<server>_<tool>,
  // <server>-<tool>) when `server` is empty.
  Match match(const std::string& server, const std::string& tool, const nlohmann::json& input, const std::string& address) const;

  // Whether a server's key, address or tool name looks database-related (unknown tools are judged
  // by their SQL fields only then).
  bool looks_like_database(const std::string& text) const;
  // The family of a server by its label or by its key or address; nullptr when none fits.
  const McpServerFamily* family(const std::string& label, const std::string& server, const std::string& address) const;
  // Whether an unknown tool's input field is named like SQL (sql, query, sqlStatements).
  bool sql_like_field(const std::string& name) const { return sql_field_names_.found_in(name); }
  // Whether an unknown tool's name says it searches or reads documents (search, fetch_docs): its
  // query is words, even when they read as SQL.
  bool searches(const std::string& tool) const { return search_tool_names_.found_in(tool); }
  const std::vector<std::string>& target_fields() const { return target_fields_; }
  const std::vector<std::string>& connection_fields() const { return connection_fields_; }
  // The project a server's address is scoped to (Supabase's ?project_ref=, --project-ref); "" when none.
  std::string address_target(const std::string& address) const { return address_targets_.group_in(address); }
  // The tool's arguments: inside a lone wrapper object ({"params": {...}}, as older servers
  // declared them) when there is one.
  const nlohmann::json& arguments(const nlohmann::json& input) const;

 private:
  bool server_fits(const McpTool& entry, const std::string& key, const nlohmann::json& input, const std::string& address) const;

  McpPattern database_names_;
  McpPattern sql_field_names_;
  McpPattern search_tool_names_;
  McpPattern address_targets_;
  std::vector<std::string> target_fields_;
  std::vector<std::string> connection_fields_;
  std::vector<std::string> argument_wrappers_;
  std::vector<McpServerFamily> families_;
  struct Entries;  // the parsed document, its index and the entries converted so far
  std::shared_ptr<Entries> entries_;
};

// The catalog compiled in from config/mcp_tools.json.
const McpCatalog& builtin_mcp_catalog();

}  // namespace pgguard::sinks
