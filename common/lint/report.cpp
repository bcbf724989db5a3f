#include "lint/report.h"

#include <array>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <sstream>

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

void write_text(std::ostream& out, const LintFinding& f, bool colour) {
  auto paint = [&](const char* code, const std::string& s) { return colour ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s; };
  const char* code = f.severity == Severity::Error ? "1;31" : f.severity == Severity::Warning ? "1;33" : "1;36";
  out << paint("1", f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ":") << " " << paint(code, severity_name(f.severity))
      << "[" << f.rule << "]: " << f.message << "\n";
  if (!f.statement.empty()) out << "    " << f.statement << "\n";
  if (!f.fix.empty()) out << "  " << paint("32", "fix:") << " " << f.fix << "\n";
}

// One JSON value, pretty-printed as an element of a list nested `depth` levels deep.
void write_list_item(std::ostream& out, const json& value, bool first, int depth) {
  std::string indent(static_cast<size_t>(depth) * 2, ' ');
  std::string text = value.dump(2, ' ', false, json::error_handler_t::replace);
  std::string indented = (first ? "\n" : ",\n") + indent;
  indented.reserve(text.size() * 5 / 4 + 8);
  for (char c : text) {
    indented += c;
    if (c == '\n') indented += indent;
  }
  out.write(indented.data(), static_cast<std::streamsize>(indented.size()));
}

// Whether eight bytes are all written as they are: ASCII from 0x20, neither '"' nor '\\' (a word
// at a time: findings are mostly plain English and SQL).
bool plain_ascii8(const char* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  uint64_t w;
  std::memcpy(&w, p, 8);
  auto has_zero_byte = [&](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  if (w & kHighs) return false;                        // from 0x80: UTF-8
  if ((w - kOnes * 0x20) & ~w & kHighs) return false;  // below 0x20 (exact, as no byte is 0x80 or more)
  return !has_zero_byte(w ^ (kOnes * '"')) && !has_zero_byte(w ^ (kOnes * '\\'));
}

// A JSON string as nlohmann writes it (UTF-8 kept, control characters escaped), without building a
// DOM for every finding: a report of 200,000 findings spent a sixth of the run there.
void write_json_string(std::string& out, const std::string& s) {
  // What each byte needs: 0 written as it is, 1 escaped, 2 part of a multi-byte character (the
  // string is checked for valid UTF-8 once, at the first such byte, so ASCII text is read once).
  static constexpr auto kinds = [] {
    std::array<uint8_t, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[c] = 1;
    t['"'] = t['\\'] = 1;
    for (int c = 0x80; c < 256; ++c) t[c] = 2;
    return t;
  }();
  size_t start = out.size();
  out += '"';
  size_t plain = 0;  // the start of the run of characters written as they are
  bool utf8_checked = false;
  for (size_t i = 0; i < s.size(); ++i) {
    while (i + 8 <= s.size() && plain_ascii8(s.data() + i)) i += 8;
    if (i == s.size()) break;
    char c = s[i];
    uint8_t kind = kinds[static_cast<unsigned char>(c)];
    if (kind == 0) continue;
    if (kind == 2) {
      if (!utf8_checked && !is_valid_utf8(s)) {  // nlohmann's replacement of bad bytes, so both paths agree
        out.resize(start);
        out += json(s).dump(-1, ' ', false, json::error_handler_t::replace);
        return;
      }
      utf8_checked = true;
      continue;
    }
    out.append(s, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        char code[8];
        std::snprintf(code, sizeof(code), "\\u%04x", static_cast<unsigned>(c));
        out += code;
      }
    }
  }
  out.append(s, plain, std::string::npos);
  out += '"';
}

// One finding as an element of the "findings" list, keys in the order nlohmann's dump(2) sorts them.
void write_finding_json(std::ostream& out, const LintFinding& f, bool first) {
  std::string text = first ? "\n    {" : ",\n    {";
  auto key = [&](const char* name) { text += std::string("\n      \"") + name + "\": "; };
  auto number = [&](const char* name, int value) {
    key(name);
    text += std::to_string(value) + ",";
  };
  auto string = [&](const char* name, const std::string& value, bool last = false) {
    key(name);
    write_json_string(text, value);
    if (!last) text += ",";
  };
  number("column", f.column);
  string("file", f.file);
  string("fix", f.fix);
  number("line", f.line);
  string("message", f.message);
  string("rule", f.rule);
  string("severity", severity_name(f.severity));
  string("statement", f.statement, true);
  text += "\n    }";
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
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
void write_github(std::ostream& out, const LintFinding& f) {
  auto escape = [](const std::string& s) {
    std::string escaped;
    for (char c : s) escaped += c == '%' ? "%25" : c == '\n' ? "%0A" : c == '\r' ? "%0D" : std::string(1, c);
    return escaped;
  };
  const char* level = f.severity == Severity::Error ? "error" : f.severity == Severity::Warning ? "warning" : "notice";
  out << "::" << level << " file=" << f.file << ",line=" << f.line << ",col=" << f.column << ",title=" << f.rule
      << "::" << escape(f.message + (f.fix.empty() ? "" : "\nFix: " + f.fix)) << "\n";
}

// GitLab code quality report: a JSON array of issues with a stable fingerprint.
json gitlab_issue(const LintFinding& f) {
  std::string key = f.rule + "|" + f.file + "|" + f.statement;
  return {{"description", f.rule + ": " + f.message},
          {"check_name", f.rule},
          {"fingerprint", std::to_string(std::hash<std::string>{}(key))},
          {"severity", f.severity == Severity::Error ? "major" : f.severity == Severity::Warning ? "minor" : "info"},
          {"location", {{"path", f.file}, {"lines", {{"begin", f.line}}}}}};
}

}  // namespace

ReportWriter::ReportWriter(std::ostream& out, Format format, bool colour) : out_(out), format_(format), colour_(colour) {
  if (format_ == Format::Json) out_ << "{\n  \"findings\": [";
  if (format_ == Format::Gitlab) out_ << "[";
}

void ReportWriter::add(const std::vector<LintFinding>& findings) {
  for (const auto& f : findings) {
    switch (format_) {
      case Format::Text: write_text(out_, f, colour_); break;
      case Format::Json: write_finding_json(out_, f, written_ == 0); break;
      case Format::Sarif: sarif_findings_.push_back(f); break;
      case Format::Github: write_github(out_, f); break;
      case Format::Gitlab: write_list_item(out_, gitlab_issue(f), written_ == 0, 1); break;
    }
    ++written_;
  }
}

void ReportWriter::finish() {
  if (format_ == Format::Json) out_ << (written_ ? "\n  ]\n}\n" : "]\n}\n");
  if (format_ == Format::Gitlab) out_ << (written_ ? "\n]\n" : "]\n");
  if (format_ == Format::Sarif) out_ << sarif(sarif_findings_);
  out_.flush();
}

std::string render(const std::vector<LintFinding>& findings, Format format, bool colour) {
  std::ostringstream out;
  ReportWriter writer(out, format, colour);
  writer.add(findings);
  writer.finish();
  return out.str();
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
