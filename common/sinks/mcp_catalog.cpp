#include "sinks/mcp_catalog.h"

#include <algorithm>
#include <stdexcept>

#include "util/embedded.h"

namespace pgguard::sinks {
namespace {

using nlohmann::json;

std::shared_ptr<RE2> compile(const std::string& pattern, bool case_insensitive) {
  RE2::Options options;
  options.set_case_sensitive(!case_insensitive);
  options.set_log_errors(false);
  auto re = std::make_shared<RE2>(pattern, options);
  if (!re->ok()) throw std::runtime_error("bad pattern in mcp_tools.json: " + pattern);
  return re;
}

std::vector<std::string> strings(const json& entry, const char* key) {
  std::vector<std::string> out;
  if (entry.contains(key))
    for (const auto& item : entry.at(key)) out.push_back(item.get<std::string>());
  return out;
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

McpCondition parse_condition(const json& entry, const char* key, McpCondition fallback) {
  if (!entry.contains(key)) return fallback;
  const json& c = entry.at(key);
  return {c.at("field").get<std::string>(), c.value("value", true), c.value("default", true)};
}

// An operation is judged by the guard rule it names.
void parse_operation(const json& op, McpTool& tool) {
  std::string rule = op.at("rule").get<std::string>();
  if (rule == "cli-destructive") tool.operation_class = CliClass::Destructive;
  else if (rule == "cli-database-write") tool.operation_class = CliClass::Write;
  else if (rule == "migration-run") tool.operation_class = CliClass::Migrate;
  else if (rule == "production-write") tool.operation_class = CliClass::Write, tool.production = true;
  else throw std::runtime_error("an mcp_tools.json operation names an unknown rule: " + rule);
}

McpTool parse_tool(const json& entry) {
  McpTool tool;
  tool.kind = parse_kind(entry.at("class").get<std::string>());
  tool.names = strings(entry, "names");
  if (entry.contains("name_pattern")) tool.name_pattern = compile(entry.at("name_pattern").get<std::string>(), false);
  if (tool.names.empty() && !tool.name_pattern) throw std::runtime_error("an mcp_tools.json entry has neither names nor name_pattern");
  if (entry.contains("servers")) tool.servers = compile(entry.at("servers").get<std::string>(), true);
  tool.database_servers = entry.value("database_servers", false);
  tool.evidence_fields = strings(entry, "evidence_fields");
  tool.sql_fields = strings(entry, "sql");
  if (entry.contains("template")) {
    const json& t = entry.at("template");
    if (t.contains("sql")) tool.templates[""] = t.at("sql").get<std::string>();
    tool.template_field = t.value("field", "");
    if (t.contains("values"))
      for (const auto& [value, sql] : t.at("values").items()) tool.templates[value] = sql.get<std::string>();
  }
  tool.applies = parse_condition(entry, "applies_when", tool.applies);
  tool.analyze = parse_condition(entry, "analyze_when", tool.analyze);
  tool.project_field = entry.value("project_field", "");
  if (tool.kind == McpTool::Kind::Operation) parse_operation(entry.at("operation"), tool);
  tool.what = entry.value("what", "");
  tool.safe_way = entry.value("safe_way", "");
  tool.server_label = entry.value("server_label", "");
  tool.path_field = entry.value("path_field", "");
  tool.content_field = entry.value("content_field", "");
  tool.edits_field = entry.value("edits_field", "");
  return tool;
}

bool has_any_field(const json& input, const std::vector<std::string>& fields) {
  if (!input.is_object()) return false;
  for (const auto& field : fields)
    if (input.contains(field)) return true;
  return false;
}

}  // namespace

bool McpCondition::holds(const json& input) const {
  if (field.empty()) return true;
  auto it = input.find(field);
  return it != input.end() && it->is_boolean() ? it->get<bool>() == value : absent;
}

McpCatalog McpCatalog::load(std::string_view json_text) {
  json doc = json::parse(json_text);
  McpCatalog catalog;
  catalog.database_names_ = compile(doc.at("database_server_names").get<std::string>(), true);
  catalog.sql_field_names_ = strings(doc, "sql_field_names");
  catalog.target_fields_ = strings(doc, "target_fields");
  catalog.connection_fields_ = strings(doc, "connection_fields");
  for (const auto& family : doc.at("servers"))
    catalog.families_.push_back({family.at("label").get<std::string>(), compile(family.at("names").get<std::string>(), true),
                                 family.at("safe_way").get<std::string>()});
  for (const auto& entry : doc.at("tools")) catalog.tools_.push_back(parse_tool(entry));
  return catalog;
}

bool McpCatalog::looks_like_database(const std::string& text) const { return !text.empty() && RE2::PartialMatch(text, *database_names_); }

const McpServerFamily* McpCatalog::family(const std::string& label, const std::string& server, const std::string& address) const {
  for (const auto& f : families_)
    if (f.label == label) return &f;
  for (const auto& f : families_)
    if ((!server.empty() && RE2::PartialMatch(server, *f.names)) || (!address.empty() && RE2::PartialMatch(address, *f.names))) return &f;
  return nullptr;
}

bool McpCatalog::server_fits(const McpTool& entry, const std::string& key, const json& input, const std::string& address) const {
  if (!entry.servers && !entry.database_servers) return true;
  auto named = [&](const RE2& re) { return RE2::PartialMatch(key, re) || (!address.empty() && RE2::PartialMatch(address, re)); };
  return (entry.servers && named(*entry.servers)) || (entry.database_servers && named(*database_names_)) ||
         has_any_field(input, entry.evidence_fields);
}

McpCatalog::Match McpCatalog::match(const std::string& server, const std::string& tool, const json& input, const std::string& address) const {
  // Without a server key the tool's name may still start with it: try the whole name, then what
  // follows each separator.
  std::vector<std::pair<std::string, std::string>> splits = {{server, tool}};
  if (server.empty())
    for (size_t i = 0; i < tool.size(); ++i)
      if (tool[i] == '_' || tool[i] == '-') splits.push_back({tool.substr(0, i), tool.substr(i + 1)});
  for (const auto& [key, name] : splits) {
    for (const auto& entry : tools_) {
      std::string target;
      bool named = std::find(entry.names.begin(), entry.names.end(), name) != entry.names.end() ||
                   (entry.name_pattern && (entry.name_pattern->NumberOfCapturingGroups() > 0 ? RE2::FullMatch(name, *entry.name_pattern, &target)
                                                                                                 : RE2::FullMatch(name, *entry.name_pattern)));
      if (named && server_fits(entry, key, input, address)) return {&entry, key, name, target};
    }
  }
  return {};
}

const McpCatalog& builtin_mcp_catalog() {
  static const McpCatalog catalog = McpCatalog::load(embedded_file("mcp_tools.json"));
  return catalog;
}

}  // namespace pgguard::sinks
