#include "sinks/mcp_catalog.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "util/embedded.h"
#include "util/json_fields.h"

namespace pgguard::sinks {
namespace {

using nlohmann::json;
using Value = rapidjson::Value;

using json_fields::flag;
using json_fields::strings;
using json_fields::text;

// The catalog is read with rapidjson: every MCP call loads it, most of them to learn that the tool
// is not a database tool.
const Value& required(const Value& object, const char* key, bool (Value::*is_kind)() const) {
  const Value* value = json_fields::member(object, key);
  if (!value || !(value->*is_kind)()) throw std::runtime_error(std::string("mcp_tools.json: \"") + key + "\" is missing or of the wrong type");
  return *value;
}

McpPattern pattern_at(const Value& object, const char* key) {
  return {required(object, key, &Value::IsString).GetString(), true};
}

McpTool::Kind parse_kind(const std::string& name) {
  if (name == "query") return McpTool::Kind::Query;
  if (name == "migration") return McpTool::Kind::Migration;
  if (name == "explain") return McpTool::Kind::Explain;
  if (name == "operation") return McpTool::Kind::Operation;
  if (name == "file_write") return McpTool::Kind::FileWrite;
  if (name == "silent") return McpTool::Kind::Silent;
  throw std::runtime_error("unknown MCP tool class in mcp_tools.json: " + name);
}

McpCondition parse_condition(const Value& entry, const char* key, McpCondition fallback) {
  if (!json_fields::member(entry, key)) return fallback;
  const Value& condition = required(entry, key, &Value::IsObject);
  return {text(condition, "field"), flag(condition, "value", true), flag(condition, "default", true)};
}

// An operation is judged by the guard rule it names.
void parse_operation(const Value& op, McpTool& tool) {
  std::string rule = text(op, "rule");
  if (rule == "cli-destructive") tool.operation_class = CliClass::Destructive;
  else if (rule == "cli-database-write") tool.operation_class = CliClass::Write;
  else if (rule == "migration-run") tool.operation_class = CliClass::Migrate;
  else if (rule == "production-write") tool.operation_class = CliClass::Write, tool.production = true;
  else throw std::runtime_error("an mcp_tools.json operation names an unknown rule: " + rule);
}

McpTool parse_tool(const Value& entry) {
  McpTool tool;
  tool.kind = parse_kind(text(entry, "class"));
  tool.names = strings(entry, "names");
  tool.name_prefix = text(entry, "name_prefix");
  if (tool.names.empty() && tool.name_prefix.empty()) throw std::runtime_error("an mcp_tools.json entry has neither names nor name_prefix");
  if (json_fields::member(entry, "servers")) tool.servers = {required(entry, "servers", &Value::IsString).GetString(), true};
  tool.database_servers = flag(entry, "database_servers", false);
  tool.evidence_fields = strings(entry, "evidence_fields");
  tool.sql_fields = strings(entry, "sql");
  tool.sql_required = flag(entry, "sql_required", true);
  if (json_fields::member(entry, "template")) {
    const Value& t = required(entry, "template", &Value::IsObject);
    if (json_fields::member(t, "sql")) tool.templates[""] = required(t, "sql", &Value::IsString).GetString();
    tool.template_field = text(t, "field");
    if (json_fields::member(t, "values"))
      for (const auto& value : required(t, "values", &Value::IsObject).GetObject())
        tool.templates[value.name.GetString()] = required(t["values"], value.name.GetString(), &Value::IsString).GetString();
  }
  tool.applies = parse_condition(entry, "applies_when", tool.applies);
  tool.analyze = parse_condition(entry, "analyze_when", tool.analyze);
  tool.project_field = text(entry, "project_field");
  if (tool.kind == McpTool::Kind::Operation) parse_operation(required(entry, "operation", &Value::IsObject), tool);
  tool.what = text(entry, "what");
  tool.safe_way = text(entry, "safe_way");
  tool.server_label = text(entry, "server_label");
  tool.path_field = text(entry, "path_field");
  tool.content_field = text(entry, "content_field");
  tool.edits_field = text(entry, "edits_field");
  return tool;
}

constexpr size_t kMaxSplitName = 256;

bool has_any_field(const json& input, const std::vector<std::string>& fields) {
  if (!input.is_object()) return false;
  for (const auto& field : fields)
    if (input.contains(field)) return true;
  return false;
}

}  // namespace

const RE2& McpPattern::compiled() const {
  if (!re_) {
    RE2::Options options;
    options.set_case_sensitive(!case_insensitive_);
    options.set_log_errors(false);
    re_ = std::make_shared<RE2>(pattern_, options);
    if (!re_->ok()) throw std::runtime_error("bad pattern in mcp_tools.json: " + pattern_);
  }
  return *re_;
}

bool McpPattern::found_in(const std::string& text) const { return !text.empty() && !pattern_.empty() && RE2::PartialMatch(text, compiled()); }

std::string McpPattern::group_in(const std::string& text) const {
  std::string group;
  if (!text.empty() && !pattern_.empty() && compiled().NumberOfCapturingGroups() > 0) RE2::PartialMatch(text, compiled(), &group);
  return group;
}

bool McpCondition::holds(const json& input) const {
  if (field.empty()) return absent;
  auto it = input.find(field);
  return it != input.end() && it->is_boolean() ? it->get<bool>() == value : absent;
}

struct McpCatalog::Entries {
  std::string text;  // parsed in place: the document points into it
  rapidjson::Document doc;
  std::vector<const Value*> values;
  std::map<std::string, std::vector<size_t>, std::less<>> by_name;
  std::vector<std::pair<std::string, size_t>> by_prefix;
  std::vector<std::unique_ptr<McpTool>> built;  // null until first use

  const McpTool& tool(size_t i) {
    if (!built[i]) built[i] = std::make_unique<McpTool>(parse_tool(*values[i]));
    return *built[i];
  }
};

McpCatalog McpCatalog::load(std::string_view json_text) {
  McpCatalog catalog;
  catalog.entries_ = std::make_shared<Entries>();
  Entries& e = *catalog.entries_;
  e.text = std::string(json_text);
  rapidjson::Document& doc = e.doc;
  doc.ParseInsitu(e.text.data());
  if (doc.HasParseError() || !doc.IsObject())
    throw std::runtime_error("mcp_tools.json: " + std::string(rapidjson::GetParseError_En(doc.GetParseError())) + " at offset " +
                             std::to_string(doc.GetErrorOffset()));
  catalog.database_names_ = pattern_at(doc, "database_server_names");
  catalog.sql_field_names_ = pattern_at(doc, "sql_field_names");
  catalog.search_tool_names_ = pattern_at(doc, "search_tool_names");
  if (json_fields::member(doc, "address_targets")) catalog.address_targets_ = pattern_at(doc, "address_targets");
  catalog.target_fields_ = strings(doc, "target_fields");
  catalog.connection_fields_ = strings(doc, "connection_fields");
  catalog.argument_wrappers_ = strings(doc, "argument_wrappers");
  for (const auto& family : required(doc, "servers", &Value::IsArray).GetArray())
    catalog.families_.push_back({text(family, "label"), {text(family, "names"), true}, text(family, "safe_way")});
  for (const auto& entry : required(doc, "tools", &Value::IsArray).GetArray()) {
    size_t index = e.values.size();
    e.values.push_back(&entry);
    std::vector<std::string> names = strings(entry, "names");
    std::string prefix = text(entry, "name_prefix");
    if (names.empty() && prefix.empty()) throw std::runtime_error("an mcp_tools.json entry has neither names nor name_prefix");
    for (auto& name : names) e.by_name[name].push_back(index);
    if (!prefix.empty()) e.by_prefix.push_back({prefix, index});
  }
  e.built.resize(e.values.size());
  return catalog;
}

const json& McpCatalog::arguments(const json& input) const {
  if (!input.is_object() || input.size() != 1) return input;
  auto only = input.begin();
  bool wrapper = std::find(argument_wrappers_.begin(), argument_wrappers_.end(), only.key()) != argument_wrappers_.end();
  return wrapper && only->is_object() ? *only : input;
}

bool McpCatalog::looks_like_database(const std::string& text) const { return database_names_.found_in(text); }

const McpServerFamily* McpCatalog::family(const std::string& label, const std::string& server, const std::string& address) const {
  for (const auto& f : families_)
    if (f.label == label) return &f;
  for (const auto& f : families_)
    if (f.names.found_in(server) || f.names.found_in(address)) return &f;
  return nullptr;
}

bool McpCatalog::server_fits(const McpTool& entry, const std::string& key, const json& input, const std::string& address) const {
  if (!entry.servers && !entry.database_servers) return true;
  auto named = [&](const McpPattern& names) { return names.found_in(key) || names.found_in(address); };
  return named(entry.servers) || (entry.database_servers && named(database_names_)) || has_any_field(input, entry.evidence_fields);
}

McpCatalog::Match McpCatalog::match(const std::string& server, const std::string& tool, const json& input, const std::string& address) const {
  // Without a server key the tool's name may still start with it: try the whole name, then what
  // follows each separator.
  // MCP tool names are short (Gemini CLI caps them at 63 characters): a longer one is not split.
  std::vector<std::pair<std::string, std::string>> splits = {{server, tool}};
  if (server.empty() && tool.size() <= kMaxSplitName)
    for (size_t i = 0; i < tool.size(); ++i)
      if (tool[i] == '_' || tool[i] == '-') splits.push_back({tool.substr(0, i), tool.substr(i + 1)});
  for (const auto& [key, name] : splits) {
    // The entries naming this tool exactly, then those whose prefix it has, each in file order; the
    // first whose server fits wins (Neon's explain_sql_statement is not DBHub's explain_sql_<source>).
    std::vector<size_t> candidates;
    if (auto named = entries_->by_name.find(name); named != entries_->by_name.end()) candidates = named->second;
    for (const auto& [prefix, index] : entries_->by_prefix)
      if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0) candidates.push_back(index);
    for (size_t index : candidates) {
      const McpTool& entry = entries_->tool(index);
      bool prefixed = !entry.name_prefix.empty() && name.compare(0, entry.name_prefix.size(), entry.name_prefix) == 0;
      if (server_fits(entry, key, input, address)) return {&entry, key, name, prefixed ? name.substr(entry.name_prefix.size()) : ""};
    }
  }
  return {};
}

const McpCatalog& builtin_mcp_catalog() {
  static const McpCatalog catalog = McpCatalog::load(embedded_file("mcp_tools.json"));
  return catalog;
}

}  // namespace pgguard::sinks
