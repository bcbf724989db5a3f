#include "sinks/mcp_call.h"

#include <algorithm>

#include "util/text.h"

namespace pgguard::sinks {
namespace {

using nlohmann::json;

std::string field_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::vector<std::string> parts;
    for (const auto& item : value) parts.push_back(field_text(item));
    return join(parts, ", ");
  }
  return value.is_null() ? "" : value.dump();
}

// The statements in the tool's SQL fields: the first field holding non-blank text wins; "field[]"
// is an array of statements. An empty list: the fields are there but blank (nothing runs);
// nullopt: no field pgguard reads holds text (what runs cannot be read).
std::optional<std::vector<std::string>> statements_of(const McpTool& tool, const json& input) {
  bool blank = false;
  for (std::string field : tool.sql_fields) {
    bool list = ends_with(field, "[]");
    if (list) field.resize(field.size() - 2);
    auto it = input.find(field);
    if (it == input.end() || it->is_null()) continue;
    if (!list && it->is_string()) {
      if (trim(it->get<std::string>()).empty()) blank = true;
      else return std::vector<std::string>{it->get<std::string>()};
      continue;
    }
    if (!list || !it->is_array()) return std::nullopt;
    std::vector<std::string> statements;
    for (const auto& statement : *it) {
      if (!statement.is_string()) return std::nullopt;
      statements.push_back(statement.get<std::string>());
    }
    if (!statements.empty()) return statements;
    blank = true;
  }
  if (blank) return std::vector<std::string>{};
  return std::nullopt;
}

// One {part} of a template: {field} is the field's text; {field:set}, {field:columns} and
// {field:values} spell an object's keys as the tool's own INSERT and UPDATE do (values stay
// parameters, as the server binds them).
std::string template_part(const std::string& part, const json& input) {
  size_t colon = part.find(':');
  std::string name = part.substr(0, colon);
  auto it = input.find(name);
  if (it == input.end()) return "";
  if (colon == std::string::npos || !it->is_object()) return field_text(*it);
  std::string form = part.substr(colon + 1);
  std::vector<std::string> items;
  for (const auto& [key, value] : it->items()) {
    std::string parameter = "$" + std::to_string(items.size() + 1);
    items.push_back(form == "set" ? key + " = " + parameter : form == "values" ? parameter : key);
  }
  return join(items, ", ");
}

// SQL a tool builds from its fields ({table}, {where}); a missing WHERE part leaves no WHERE.
std::optional<std::string> templated_sql(const McpTool& tool, const json& input) {
  std::string key = tool.template_field.empty() ? "" : to_lower(input.contains(tool.template_field) ? field_text(input[tool.template_field]) : "");
  auto chosen = tool.templates.find(key);
  if (chosen == tool.templates.end()) return std::nullopt;
  std::string sql = chosen->second;
  for (size_t open = sql.find('{'); open != std::string::npos; open = sql.find('{', open)) {
    size_t close = sql.find('}', open);
    if (close == std::string::npos) break;
    std::string part = sql.substr(open + 1, close - open - 1);
    std::string value = template_part(part, input);
    if (trim(value).empty() && part == "where") {
      size_t keyword = to_lower(sql).rfind(" where ", open);
      if (keyword != std::string::npos) {
        sql.erase(keyword, close + 1 - keyword);
        open = keyword;
        continue;
      }
    }
    sql.replace(open, close + 1 - open, value);
    open += value.size();
  }
  return sql;
}

std::vector<TargetSignal> target_signals(const McpCall& call, const McpCatalog::Match& match, const McpCatalog& catalog, const json& input) {
  std::vector<TargetSignal> signals;
  for (const auto& field : catalog.target_fields())
    if (input.contains(field) && (input[field].is_string() || input[field].is_number()))
      signals.push_back({TargetSignal::Kind::Named, call.label + " " + field, field_text(input[field])});
  // A connection string is judged like a URL on a command line: by its host and database name.
  for (const auto& field : catalog.connection_fields())
    if (input.contains(field) && input[field].is_string())
      signals.push_back({TargetSignal::Kind::Connection, call.label + " " + field, input[field].get<std::string>()});
  if (!match.target.empty()) signals.push_back({TargetSignal::Kind::Named, "the tool's name", match.target});
  std::string name = match.tool ? match.name : call.tool;
  if (!name.empty()) signals.push_back({TargetSignal::Kind::Named, "the tool's name", name});
  if (!match.server.empty()) signals.push_back({TargetSignal::Kind::Named, "the MCP server's name", match.server});
  if (!call.address.empty()) signals.push_back({TargetSignal::Kind::Connection, "the MCP server's address", call.address});
  if (std::string scoped = catalog.address_target(call.address); !scoped.empty())
    signals.push_back({TargetSignal::Kind::Named, "the project the MCP server is scoped to", scoped});
  if (match.tool && match.tool->production)
    signals.push_back({TargetSignal::Kind::EnvironmentName, match.name + " (" + match.tool->what + ")", "production"});
  return signals;
}

// A summary of the target fields for a named operation: "mcp__neon__delete_project projectId=..."
std::string operation_text(const McpCall& call, const std::vector<TargetSignal>& signals) {
  std::string text = call.label;
  for (const auto& signal : signals)
    if (starts_with(signal.source, call.label + " ")) text += " " + signal.source.substr(call.label.size() + 1) + "=" + signal.value;
  return text;
}

CliSubcommand judgement_of(const McpTool& tool, CliClass cls, const std::string& default_what) {
  CliSubcommand judgement;
  judgement.cls = cls;
  judgement.what = tool.what.empty() ? default_what : tool.what;
  judgement.safe = tool.safe_way;
  return judgement;
}

// An unknown tool of a database server: judged by its fields named like SQL (the guard drops it
// unless the text parses as SQL). A search or documentation tool's query is words, never SQL.
void unknown_tool_sinks(const McpCall& call, const McpCatalog& catalog, const json& input, const std::vector<TargetSignal>& targets, McpSinks& out) {
  for (const auto& [field, value] : input.items()) {
    if (!catalog.sql_like_field(field)) continue;
    std::vector<std::string> texts;
    if (value.is_string()) texts.push_back(value.get<std::string>());
    if (value.is_array())
      for (const auto& item : value)
        if (item.is_string()) texts.push_back(item.get<std::string>());
    for (const auto& text : texts)
      if (!trim(text).empty()) out.report.sql.push_back({call.label + " " + field, text, "", false, {}, targets});
  }
  if (out.report.sql.empty()) return;
  bool database = catalog.looks_like_database(call.server) || catalog.looks_like_database(call.address) || catalog.looks_like_database(call.tool);
  if (!database || catalog.searches(call.tool)) {
    out.report.sql.clear();
    return;
  }
  out.database = out.unverified = true;
}

void query_sinks(const McpCall& call, const McpTool& tool, const json& input, const std::vector<TargetSignal>& targets, McpSinks& out) {
  std::optional<std::vector<std::string>> statements;
  if (tool.templates.empty()) statements = statements_of(tool, input);
  else if (auto sql = templated_sql(tool, input)) statements = std::vector<std::string>{*sql};
  bool any_field = std::any_of(tool.sql_fields.begin(), tool.sql_fields.end(), [&](const std::string& f) { return input.contains(f.substr(0, f.find('['))); });
  if (!statements && !tool.sql_required && !any_field) return;
  if (!statements) {
    out.report.sql.push_back({call.label, std::nullopt, "the SQL this call runs is not in a field pgguard reads (" + join(tool.sql_fields, ", ") + ")",
                              false, {}, targets});
    return;
  }
  // Without ANALYZE the server only plans each statement; a second statement in the same text still runs.
  bool planned_only = tool.kind == McpTool::Kind::Explain && !tool.analyze.holds(input);
  std::string sql;
  for (const auto& statement : *statements) sql += (planned_only ? "EXPLAIN " : "") + statement + (statements->size() > 1 ? ";\n" : "");
  out.report.sql.push_back({call.label, sql, "", false, {}, targets});
}

void migration_sinks(const McpCall& call, const McpTool& tool, const json& input, const std::vector<TargetSignal>& targets, const std::string& label,
                     McpSinks& out) {
  std::string name = input.contains("name") && input["name"].is_string() ? input["name"].get<std::string>() : "migration";
  if (!tool.project_field.empty()) {
    out.project_dir = input.contains(tool.project_field) && input[tool.project_field].is_string() ? input[tool.project_field].get<std::string>() : ".";
  } else if (auto statements = statements_of(tool, input)) {
    std::string text;
    for (const auto& statement : *statements) text += statement + (statements->size() > 1 ? ";\n" : "");
    out.migrations.push_back({name, text});
  } else {
    out.report.sql.push_back({call.label, std::nullopt, "the migration's SQL is not in a field pgguard reads (" + join(tool.sql_fields, ", ") + ")",
                              false, {}, targets});
  }
  CliSubcommand judgement = judgement_of(tool, CliClass::Migrate, "applies a migration straight to the database, outside the CI migration runner");
  out.report.clis.push_back({label, call.label + " (" + name + ")", judgement, targets});
}

void file_sinks(const McpTool& tool, const json& input, McpSinks& out) {
  std::string path = input.contains(tool.path_field) ? field_text(input[tool.path_field]) : "";
  std::string text = input.contains(tool.content_field) ? field_text(input[tool.content_field]) : "";
  if (input.contains(tool.edits_field) && input[tool.edits_field].is_array())
    for (const auto& edit : input[tool.edits_field])
      for (const char* key : {"newText", "new_text", "new_string"})
        if (edit.is_object() && edit.contains(key)) text += field_text(edit[key]) + "\n";
  if (!path.empty()) out.files.push_back({path, text});
}

}  // namespace

McpSinks find_mcp_sinks(const McpCall& call, const McpCatalog& catalog) {
  static const json kNoInput = json::object();
  const json& input = call.input && call.input->is_object() ? catalog.arguments(*call.input) : kNoInput;
  McpSinks out;
  McpCatalog::Match match = catalog.match(call.server, call.tool, input, call.address);
  if (match.tool && match.tool->kind == McpTool::Kind::Silent) return out;
  std::vector<TargetSignal> targets;
  if (!match.tool) {
    unknown_tool_sinks(call, catalog, input, targets, out);
    if (!out.database) return out;
    targets = target_signals(call, match, catalog, input);
    for (auto& sink : out.report.sql) sink.target = targets;
  } else {
    targets = target_signals(call, match, catalog, input);
  }
  const McpServerFamily* family = catalog.family(match.tool ? match.tool->server_label : "", match.tool ? match.server : call.server, call.address);
  if (family) out.server_label = family->label, out.workflow = family->safe_way;
  if (match.tool) {
    const McpTool& tool = *match.tool;
    std::string label = out.server_label.empty() ? call.label : out.server_label;
    out.database = true;
    if (!tool.applies.holds(input)) return out;
    switch (tool.kind) {
      case McpTool::Kind::Query:
      case McpTool::Kind::Explain:
        query_sinks(call, tool, input, targets, out);
        break;
      case McpTool::Kind::Migration:
        migration_sinks(call, tool, input, targets, label, out);
        break;
      case McpTool::Kind::Operation:
        out.report.clis.push_back({label, operation_text(call, targets), judgement_of(tool, tool.operation_class, "changes the database"), targets});
        break;
      case McpTool::Kind::FileWrite:
        file_sinks(tool, input, out);
        break;
      case McpTool::Kind::Silent:
        break;
    }
  }
  for (const auto& signal : targets)
    if (starts_with(signal.source, call.label + " ")) out.report.sources.push_back(signal.value);  // a connection string may hold a password
  for (const auto& [name, text] : out.migrations) out.report.sources.push_back(text);
  for (const auto& sink : out.report.sql)
    if (sink.sql) out.report.sources.push_back(*sink.sql);
  return out;
}

}  // namespace pgguard::sinks
