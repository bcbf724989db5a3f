#include "sinks/mcp_call.h"

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

// The SQL in the tool's SQL fields: a string, or "field[]" for an array of statements.
std::optional<std::string> sql_of(const McpTool& tool, const json& input) {
  for (std::string field : tool.sql_fields) {
    bool list = ends_with(field, "[]");
    if (list) field.resize(field.size() - 2);
    auto it = input.find(field);
    if (it == input.end()) continue;
    if (!list && it->is_string()) return it->get<std::string>();
    if (list && it->is_array()) {
      std::string sql;
      for (const auto& statement : *it) {
        if (!statement.is_string()) return std::nullopt;
        sql += statement.get<std::string>() + ";\n";
      }
      return sql;
    }
    return std::nullopt;  // there, but not text: what runs cannot be read
  }
  return std::nullopt;
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
    std::string name = sql.substr(open + 1, close - open - 1);
    std::string value = input.contains(name) ? field_text(input[name]) : "";
    if (value.empty() && name == "where") {
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
  if (!match.target.empty()) signals.push_back({TargetSignal::Kind::Named, "the tool's name", match.target});
  if (!match.server.empty()) signals.push_back({TargetSignal::Kind::Named, "the MCP server's name", match.server});
  if (!call.address.empty()) signals.push_back({TargetSignal::Kind::Connection, "the MCP server's address", call.address});
  return signals;
}

// A summary of the target fields for a named operation: "mcp__neon__delete_project projectId=..."
std::string operation_text(const McpCall& call, const std::vector<TargetSignal>& signals) {
  std::string text = call.label;
  for (const auto& signal : signals)
    if (starts_with(signal.source, call.label + " ")) text += " " + signal.source.substr(call.label.size() + 1) + "=" + signal.value;
  return text;
}

bool applies(const McpTool& tool, const json& input) {
  if (tool.applies_field.empty()) return true;
  auto it = input.find(tool.applies_field);
  return it != input.end() && it->is_boolean() ? it->get<bool>() : tool.applies_default;
}

}  // namespace

McpSinks find_mcp_sinks(const McpCall& call, const McpCatalog& catalog) {
  static const json kNoInput = json::object();
  const json& input = call.input && call.input->is_object() ? *call.input : kNoInput;
  McpSinks out;
  McpCatalog::Match match = catalog.match(call.server, call.tool, input, call.address);
  std::vector<TargetSignal> targets = target_signals(call, match, catalog, input);
  if (!match.tool) {
    // An unknown tool of a database server: judged by a field named like SQL (the guard drops it
    // unless the text parses as SQL).
    if (!catalog.looks_like_database(call.server) && !catalog.looks_like_database(call.address) && !catalog.looks_like_database(call.tool))
      return out;
    for (const auto& field : catalog.sql_field_names()) {
      auto it = input.find(field);
      if (it == input.end() || !it->is_string()) continue;
      out.database = out.unverified = true;
      out.report.sql.push_back({call.label, it->get<std::string>(), "", false, {}, targets});
    }
    return out;
  }
  const McpTool& tool = *match.tool;
  out.database = true;
  if (!applies(tool, input)) return out;
  switch (tool.kind) {
    case McpTool::Kind::Query:
    case McpTool::Kind::Explain: {
      std::optional<std::string> sql = tool.templates.empty() ? sql_of(tool, input) : templated_sql(tool, input);
      SqlSink sink{call.label, sql, "", false, {}, targets};
      if (!sql) sink.opaque_reason = "the SQL this call runs is not in a field pgguard reads (" + join(tool.sql_fields, ", ") + ")";
      bool analyze = !tool.analyze_field.empty() && input.contains(tool.analyze_field) && input[tool.analyze_field] == true;
      // Without ANALYZE the server only plans the statement; a second statement in the same text still runs.
      if (sql && tool.kind == McpTool::Kind::Explain && !analyze) sink.sql = "EXPLAIN " + *sql;
      out.report.sql.push_back(std::move(sink));
      break;
    }
    case McpTool::Kind::Migration: {
      std::string name = input.contains("name") && input["name"].is_string() ? input["name"].get<std::string>() : "migration";
      std::optional<std::string> sql = sql_of(tool, input);
      if (sql) out.migrations.push_back({name, *sql});
      else out.report.sql.push_back({call.label, std::nullopt, "the migration's SQL is not in a field pgguard reads (" + join(tool.sql_fields, ", ") + ")", false, {}, targets});
      CliSubcommand judgement;
      judgement.cls = CliClass::Migrate;
      judgement.what = tool.what.empty() ? "applies a migration straight to the database, outside the CI migration runner" : tool.what;
      judgement.safe = tool.safe_way;
      out.report.clis.push_back({tool.server_label.empty() ? call.label : tool.server_label, call.label + " (" + name + ")", judgement, targets});
      break;
    }
    case McpTool::Kind::Operation: {
      CliSubcommand judgement;
      judgement.cls = tool.operation_class;
      judgement.what = tool.what;
      judgement.safe = tool.safe_way;
      out.report.clis.push_back({tool.server_label.empty() ? call.label : tool.server_label, operation_text(call, targets), judgement, targets});
      break;
    }
    case McpTool::Kind::FileWrite: {
      std::string path = input.contains(tool.path_field) ? field_text(input[tool.path_field]) : "";
      std::string text = input.contains(tool.content_field) ? field_text(input[tool.content_field]) : "";
      if (input.contains(tool.edits_field) && input[tool.edits_field].is_array())
        for (const auto& edit : input[tool.edits_field])
          for (const char* key : {"newText", "new_text", "new_string"})
            if (edit.is_object() && edit.contains(key)) text += field_text(edit[key]) + "\n";
      if (!path.empty()) out.files.push_back({path, text});
      break;
    }
  }
  for (const auto& signal : targets)
    if (starts_with(signal.source, call.label + " ")) out.report.sources.push_back(signal.value);  // a connectionString may hold a password
  for (const auto& [name, text] : out.migrations) out.report.sources.push_back(text);
  for (const auto& sink : out.report.sql)
    if (sink.sql) out.report.sources.push_back(*sink.sql);
  return out;
}

}  // namespace pgguard::sinks
