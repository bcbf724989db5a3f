#include "guard/explain.h"

#include "lint/forms.h"
#include "lint/parse.h"
#include "util/secrets.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard {
namespace {

using nlohmann::json;

const char* fact_name(sql::FactKind kind) {
  switch (kind) {
    case sql::FactKind::Read: return "read";
    case sql::FactKind::BoundedWrite: return "bounded-write";
    case sql::FactKind::UnboundedWrite: return "unbounded-write";
    case sql::FactKind::SchemaChange: return "schema-change";
    case sql::FactKind::Destructive: return "destructive";
    case sql::FactKind::ShellEscape: return "shell-escape";
    case sql::FactKind::SideEffect: return "side-effect";
    case sql::FactKind::Maintenance: return "maintenance";
    case sql::FactKind::Opaque: return "opaque";
    case sql::FactKind::ParseError: return "parse-error";
  }
  return "read";
}

json target_json(const target::Assessment& assessment, const std::vector<sinks::TargetSignal>& signals) {
  json list = json::array();
  for (const auto& s : signals) list.push_back({{"source", s.source}, {"value", redact(s.value)}});
  return {{"production", assessment.production}, {"evidence", assessment.evidence}, {"signals", list}};
}

}  // namespace

json explain_command(const std::string& command, const Analysis& analysis) {
  json out = {{"command", redact(command)}, {"prefiltered", analysis.prefiltered}};
  if (analysis.report) {
    const sinks::Report& report = *analysis.report;
    json opaque = json::array();
    for (const auto& o : report.opaque_scripts) opaque.push_back(redact(o.what));
    json trail = json::array();
    for (const auto& t : report.trail) trail.push_back(redact(t));
    out["shell"] = {{"parse_error", report.shell_error}, {"steps", trail}, {"opaque", opaque}};
    json sql = json::array();
    for (const auto& check : analysis.facts.sql) {
      json statements = json::array();
      for (const auto& s : check.statements) {
        json facts = json::array();
        for (const auto& f : s.facts) facts.push_back({{"class", fact_name(f.kind)}, {"what", redact(f.what, s.text)}});
        statements.push_back({{"line", s.line}, {"text", shorten(redact(s.text), 200)}, {"facts", facts}});
      }
      sql.push_back({{"via", check.sink->via},
                     {"readable", check.sink->sql.has_value()},
                     {"opaque_reason", check.sink->opaque_reason},
                     {"statements", statements},
                     {"target", target_json(check.target, check.sink->target)}});
    }
    out["sql"] = sql;
    json clis = json::array();
    for (const auto& check : analysis.facts.clis)
      clis.push_back({{"tool", check.call->tool},
                      {"command", redact(check.call->command)},
                      {"class", std::string(sinks::cli_class_name(check.call->judgement.cls))},
                      {"target", target_json(check.target, check.call->target)}});
    out["clis"] = clis;
    json secrets = json::array();
    for (const auto& s : analysis.facts.secrets) secrets.push_back({{"kind", s.kind}, {"found", s.redacted}});
    out["secrets"] = secrets;
    if (analysis.facts.pending.ran) {
      out["pending_migrations"] = {{"files", analysis.facts.pending.files}, {"findings", analysis.facts.pending.findings.size()}};
    }
  }
  json rules = json::array();
  for (const auto& f : analysis.decision.findings)
    rules.push_back({{"rule", f.rule}, {"verdict", std::string(verdict_name(f.verdict))}, {"message", redact(f.message)}});
  out["rules"] = rules;
  out["decision"] = std::string(verdict_name(analysis.decision.verdict));
  out["reason"] = analysis.decision.reason;
  return out;
}

std::string explain_text(const json& e) {
  std::string out = "command: " + e["command"].get<std::string>() + "\n";
  int step = 1;
  auto heading = [&](const std::string& title) { out += "\n" + std::to_string(step++) + ". " + title + "\n"; };
  if (e["prefiltered"].get<bool>()) {
    heading("prefilter");
    out += "   nothing database-related is mentioned: no analysis, no output\n";
  }
  if (e.contains("shell")) {
    const json& shell = e["shell"];
    if (!shell["parse_error"].get<std::string>().empty() || !shell["steps"].empty() || !shell["opaque"].empty()) heading("shell parse");
    if (!e["shell"]["parse_error"].get<std::string>().empty()) out += "   parse error: " + e["shell"]["parse_error"].get<std::string>() + "\n";
    for (const auto& s : e["shell"]["steps"]) out += "   " + s.get<std::string>() + "\n";
    for (const auto& o : e["shell"]["opaque"]) out += "   opaque: " + o.get<std::string>() + "\n";
    heading("SQL reaching PostgreSQL");
    if (e["sql"].empty()) out += "   none\n";
    for (const auto& s : e["sql"]) {
      out += "   via " + s["via"].get<std::string>() + (s["readable"].get<bool>() ? "" : " (unreadable: " + s["opaque_reason"].get<std::string>() + ")") + "\n";
      for (const auto& st : s["statements"]) {
        out += "     line " + std::to_string(st["line"].get<int>()) + ": " + st["text"].get<std::string>() + "\n";
        for (const auto& f : st["facts"]) out += "       " + f["class"].get<std::string>() + ": " + f["what"].get<std::string>() + "\n";
      }
      out += "     target: " + std::string(s["target"]["production"].get<bool>() ? "production (" + s["target"]["evidence"].get<std::string>() + ")" : "not production") + "\n";
    }
    heading("database CLIs");
    if (e["clis"].empty()) out += "   none\n";
    for (const auto& c : e["clis"])
      out += "   " + c["command"].get<std::string>() + " -> " + c["class"].get<std::string>() + ", target " +
             (c["target"]["production"].get<bool>() ? "production (" + c["target"]["evidence"].get<std::string>() + ")" : "not production") + "\n";
    if (!e["secrets"].empty()) {
      heading("secrets");
      for (const auto& s : e["secrets"]) out += "   " + s["kind"].get<std::string>() + ": " + s["found"].get<std::string>() + "\n";
    }
  }
  heading("rules");
  if (e["rules"].empty()) out += "   none fired\n";
  for (const auto& r : e["rules"]) out += "   [" + r["rule"].get<std::string>() + "] " + r["verdict"].get<std::string>() + "\n";
  heading("decision");
  out += "   " + e["decision"].get<std::string>() + "\n";
  return out;
}

json explain_migration(const std::string& path, const lint::LintOptions& options) {
  json out = {{"file", path}};
  auto text = read_file_bounded(path, options.max_file_bytes);
  if (!text) {
    out["error"] = "cannot read the file";
    return out;
  }
  auto parsed = lint::parse_migration(lint::read_migration(path, *text, options.tool));
  out["tool"] = lint::tool_name(parsed->file.tool);
  json sections = json::array();
  for (const auto& s : parsed->file.sections) {
    const char* tx = s.tx == lint::TxMode::Single ? "one transaction" : s.tx == lint::TxMode::Implicit ? "implicit transaction when several statements" : "autocommit";
    sections.push_back({{"line", s.first_line}, {"direction", s.direction == lint::Direction::Up ? "up" : "down"}, {"transaction", tx}, {"label", s.label}});
  }
  out["sections"] = sections;
  lint::LintResult result = lint::lint_text(path, *text, options);
  out["history_files_replayed"] = result.history_files;
  json statements = json::array();
  lint::Schema empty;
  for (const auto& s : parsed->statements) {
    json forms = json::array();
    if (s.node)
      for (const auto& f : lint::statement_forms(s.node, empty, options.settings.pg_version))
        forms.push_back({{"form", f.form}, {"relation", f.relation}, {"lock", lint::lock_fact(f.form, options.settings.pg_version).lock}});
    statements.push_back({{"line", s.line}, {"type", s.type}, {"embedded", s.embedded}, {"text", shorten(s.text, 160)}, {"locks", forms},
                          {"parse_error", s.parse_error}});
  }
  out["statements"] = statements;
  json findings = json::array();
  for (const auto& f : result.findings)
    findings.push_back({{"rule", f.rule}, {"severity", lint::severity_name(f.severity)}, {"line", f.line}, {"message", f.message}, {"fix", f.fix}});
  out["findings"] = findings;
  return out;
}

std::string explain_migration_text(const json& e) {
  std::string out = "migration: " + e["file"].get<std::string>() + "\n";
  if (e.contains("error")) return out + "error: " + e["error"].get<std::string>() + "\n";
  out += "\n1. tool: " + e["tool"].get<std::string>() + "\n";
  out += "\n2. sections\n";
  for (const auto& s : e["sections"])
    out += "   line " + std::to_string(s["line"].get<int>()) + ": " + s["direction"].get<std::string>() + ", " + s["transaction"].get<std::string>() + "\n";
  out += "\n3. history: " + std::to_string(e["history_files_replayed"].get<size_t>()) + " earlier migration(s) replayed into the schema\n";
  out += "\n4. statements\n";
  for (const auto& s : e["statements"]) {
    out += "   line " + std::to_string(s["line"].get<int>()) + (s["embedded"].get<bool>() ? " (inside DO/function)" : "") + ": " + s["text"].get<std::string>() + "\n";
    if (!s["parse_error"].get<std::string>().empty()) out += "     parse error: " + s["parse_error"].get<std::string>() + "\n";
    for (const auto& f : s["locks"]) out += "     " + f["lock"].get<std::string>() + " on " + f["relation"].get<std::string>() + " (" + f["form"].get<std::string>() + ")\n";
  }
  out += "\n5. findings\n";
  if (e["findings"].empty()) out += "   none\n";
  for (const auto& f : e["findings"])
    out += "   line " + std::to_string(f["line"].get<int>()) + " " + f["severity"].get<std::string>() + "[" + f["rule"].get<std::string>() + "]: " + f["message"].get<std::string>() + "\n";
  return out;
}

}  // namespace pgguard
