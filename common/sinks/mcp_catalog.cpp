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
  throw std::runtime_error("unknown MCP tool class in mcp_tools.json: " + name);
}

McpTool parse_tool(const json& entry) {
  McpTool tool;
  tool.kind = parse_kind(entry.at("class").get<std::string>());
  tool.names = strings(entry, "names");
  if (entry.contains("name_pattern")) tool.name_pattern = compile(entry.at("name_pattern").get<std::string>(), false);
  if (tool.names.empty() && !tool.name_pattern) throw std::runtime_error("an mcp_tools.json entry has neither names nor name_pattern");
  if (entry.contains("servers")) tool.servers = compile(entry.at("servers").get<std::string>(), true);
  tool.evidence_fields = strings(entry, "evidence_fields");
  tool.sql_fields = strings(entry, "sql");
  if (entry.contains("template")) {
    const json& t = entry.at("template");
    if (t.contains("sql")) tool.templates[""] = t.at("sql").get<std::string>();
    tool.template_field = t.value("field", "");
    if (t.contains("values"))
      for (const auto& [value, sql] : t.at("values").items()) tool.templates[value] = sql.get<std::string>();
  }
  if (entry.contains("applies_when")) {
    tool.applies_field = entry.at("applies_when").at("field").get<std::string>();
    tool.applies_default = entry.at("applies_when").value("default", true);
  }
  tool.analyze_field = entry.value("analyze_field", "");
  if (entry.contains("operation")) {
    const json& op = entry.at("operation");
    std::string verdict = op.value("verdict", "deny");
    tool.operation_class = verdict == "deny" ? CliClass::Destructive : CliClass::Write;
    tool.what = op.value("what", "");
    tool.safe_way = op.value("safe_way", "");
  }
  if (tool.safe_way.empty()) tool.safe_way = entry.value("safe_way", "");
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

McpCatalog McpCatalog::load(std::string_view json_text) {
  json doc = json::parse(json_text);
  McpCatalog catalog;
  catalog.database_names_ = compile(doc.at("database_server_names").get<std::string>(), true);
  catalog.sql_field_names_ = strings(doc, "sql_field_names");
  catalog.target_fields_ = strings(doc, "target_fields");
  for (const auto& entry : doc.at("tools")) catalog.tools_.push_back(parse_tool(entry));
  return catalog;
}

bool McpCatalog::looks_like_database(const std::string& text) const { return !text.empty() && RE2::PartialMatch(text, *database_names_); }

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
      if (!named) continue;
      bool server_fits = !entry.servers || RE2::PartialMatch(key, *entry.servers) || (!address.empty() && RE2::PartialMatch(address, *entry.servers)) ||
                         has_any_field(input, entry.evidence_fields);
      if (server_fits) return {&entry, key, target};
    }
  }
  return {};
}

const McpCatalog& builtin_mcp_catalog() {
  static const McpCatalog catalog = McpCatalog::load(embedded_file("mcp_tools.json"));
  return catalog;
}

}  // namespace pgguard::sinks
