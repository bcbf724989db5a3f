#include "lint/report.h"

#include <nlohmann/json.hpp>

#include "util/text.h"

namespace pgguard::lint {

using nlohmann::json;

bool parse_format(const std::string& name, Format& format) {
  if (name == "text") format = Format::Text;
  else if (name == "json") format = Format::Json;
  else if (name == "sarif") format = Format::Sarif;
  else if (name == "github") format = Format::Github;
  else if (name == "gitlab") format = Format::Gitlab;
  else return false;
  return true;
}

namespace {

std::string text_report(const std::vector<LintFinding>& findings, bool colour) {
  auto paint = [&](const char* code, const std::string& s) { return colour ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s; };
  std::string out;
  for (const auto& f : findings) {
    const char* code = f.severity == Severity::Error ? "1;31" : f.severity == Severity::Warning ? "1;33" : "1;36";
    out += paint("1", f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ":") + " " +
           paint(code, severity_name(f.severity)) + "[" + f.rule + "]: " + f.message + "\n";
    if (!f.statement.empty()) out += "    " + f.statement + "\n";
    if (!f.fix.empty()) out += "  " + paint("32", "fix:") + " " + f.fix + "\n";
  }
  return out;
}

json finding_json(const LintFinding& f) {
  return {{"rule", f.rule}, {"severity", severity_name(f.severity)}, {"file", f.file}, {"line", f.line}, {"column", f.column},
          {"message", f.message}, {"statement", f.statement}, {"fix", f.fix}};
}

std::string sarif(const std::vector<LintFinding>& findings) {
  json rules = json::array(), results = json::array();
  std::vector<std::string> seen;
  for (const auto& f : findings) {
    if (std::find(seen.begin(), seen.end(), f.rule) == seen.end()) {
      seen.push_back(f.rule);
      const RuleInfo* info = rule_info(f.rule);
      rules.push_back({{"id", f.rule},
                       {"shortDescription", {{"text", info ? info->summary : f.rule}}},
                       {"helpUri", "docs/rules/" + f.rule + ".md"}});
    }
    const char* level = f.severity == Severity::Error ? "error" : f.severity == Severity::Warning ? "warning" : "note";
    results.push_back({{"ruleId", f.rule},
                       {"level", level},
                       {"message", {{"text", f.message + (f.fix.empty() ? "" : " Fix: " + f.fix)}}},
                       {"locations", json::array({{{"physicalLocation",
                                                     {{"artifactLocation", {{"uri", f.file}}},
                                                      {"region", {{"startLine", f.line}, {"startColumn", f.column}}}}}}})}});
  }
  json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({{{"tool", {{"driver", {{"name", "pgguard"}, {"version", PGGUARD_VERSION}, {"rules", rules}}}}},
                                     {"results", results}}})}};
  return log.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

// GitHub workflow commands: ::error file=...,line=...::message (newlines and % escaped).
std::string github(const std::vector<LintFinding>& findings) {
  auto escape = [](std::string s) {
    std::string out;
    for (char c : s) out += c == '%' ? "%25" : c == '\n' ? "%0A" : c == '\r' ? "%0D" : std::string(1, c);
    return out;
  };
  std::string out;
  for (const auto& f : findings) {
    const char* level = f.severity == Severity::Error ? "error" : f.severity == Severity::Warning ? "warning" : "notice";
    out += std::string("::") + level + " file=" + f.file + ",line=" + std::to_string(f.line) + ",col=" + std::to_string(f.column) +
           ",title=" + f.rule + "::" + escape(f.message + (f.fix.empty() ? "" : "\nFix: " + f.fix)) + "\n";
  }
  return out;
}

// GitLab code quality report (a JSON array of issues with a stable fingerprint).
std::string gitlab(const std::vector<LintFinding>& findings) {
  json issues = json::array();
  for (const auto& f : findings) {
    std::string key = f.rule + "|" + f.file + "|" + f.statement;
    issues.push_back({{"description", f.rule + ": " + f.message},
                      {"check_name", f.rule},
                      {"fingerprint", std::to_string(std::hash<std::string>{}(key))},
                      {"severity", f.severity == Severity::Error ? "major" : f.severity == Severity::Warning ? "minor" : "info"},
                      {"location", {{"path", f.file}, {"lines", {{"begin", f.line}}}}}});
  }
  return issues.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string render(const std::vector<LintFinding>& findings, Format format, bool colour) {
  switch (format) {
    case Format::Text: return text_report(findings, colour);
    case Format::Json: {
      json list = json::array();
      for (const auto& f : findings) list.push_back(finding_json(f));
      return json{{"findings", list}}.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    }
    case Format::Sarif: return sarif(findings);
    case Format::Github: return github(findings);
    case Format::Gitlab: return gitlab(findings);
  }
  return "";
}

std::string render_for_agent(const std::vector<LintFinding>& findings, const std::string& path) {
  std::string out = "pgguard lint of " + path + ":";
  for (const auto& f : findings) {
    out += "\n- [" + f.rule + "] " + severity_name(f.severity) + " at line " + std::to_string(f.line) + ": " + f.message;
    if (!f.statement.empty()) out += "\n  statement: " + shorten(f.statement, 160);
    if (!f.fix.empty()) out += "\n  fix: " + f.fix;
    if (out.size() > 9000) {
      out += "\n- (more findings omitted; run pgguard lint " + path + ")";
      break;
    }
  }
  return out;
}

}  // namespace pgguard::lint
