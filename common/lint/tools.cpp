#include "lint/tools.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "util/embedded.h"

namespace pgguard::lint {
namespace {

using nlohmann::json;

std::vector<std::string> strings(const json& record, const char* key) {
  return record.contains(key) ? record.at(key).get<std::vector<std::string>>() : std::vector<std::string>{};
}

// Compiled when first matched; the catalog test compiles every one.
std::vector<Pattern> patterns(const json& record, const char* key) {
  std::vector<Pattern> out;
  for (auto& text : strings(record, key)) out.emplace_back(std::move(text));
  return out;
}

template <typename E, size_t N>
E choice(const json& record, const char* key, const std::pair<const char*, E> (&names)[N]) {
  std::string value = record.value(key, names[0].first);
  for (const auto& [name, e] : names)
    if (value == name) return e;
  throw std::runtime_error("migration_tools.json: unknown " + std::string(key) + " '" + value + "'");
}

constexpr std::pair<const char*, SectionFormat> kFormats[] = {{"whole", SectionFormat::Whole},
                                                              {"dbmate", SectionFormat::Dbmate},
                                                              {"goose", SectionFormat::Goose},
                                                              {"liquibase", SectionFormat::Liquibase},
                                                              {"script", SectionFormat::Script}};
constexpr std::pair<const char*, TxMode> kTransactions[] = {
    {"autocommit", TxMode::Autocommit}, {"single", TxMode::Single}, {"implicit", TxMode::Implicit}};
constexpr std::pair<const char*, DownConvention> kDowns[] = {
    {"none", DownConvention::None},     {"section", DownConvention::Section},   {"suffix", DownConvention::Suffix},
    {"folder", DownConvention::Folder}, {"prefix-u", DownConvention::PrefixU}, {"sqitch", DownConvention::Sqitch},
    {"methods", DownConvention::Methods}};
constexpr std::pair<const char*, ApplyOrder> kOrders[] = {{"name", ApplyOrder::Name},
                                                          {"version", ApplyOrder::Version},
                                                          {"sqitch-plan", ApplyOrder::SqitchPlan},
                                                          {"alembic-chain", ApplyOrder::AlembicChain},
                                                          {"changelog", ApplyOrder::Changelog}};

ToolRecord read_record(const json& r) {
  ToolRecord t;
  t.name = r.at("name").get<std::string>();
  auto tool = parse_tool(t.name);
  if (!tool) throw std::runtime_error("migration_tools.json: unknown tool " + t.name);
  t.tool = *tool;
  t.markers = patterns(r, "markers");
  if (r.contains("manifests"))
    for (const auto& m : r.at("manifests")) t.manifests.push_back({m.at(0).get<std::string>(), m.at(1).get<std::string>()});
  t.files = strings(r, "files");
  t.paths = strings(r, "paths");
  t.path_patterns = patterns(r, "path_patterns");
  t.sibling_files = strings(r, "sibling_files");
  t.requires_project = r.value("requires_project", false);
  t.requires_sibling = r.value("requires_sibling", false);
  t.content = patterns(r, "content");
  t.layouts = strings(r, "layouts");
  t.foreign_dialects = patterns(r, "foreign_dialects");
  t.format = choice(r, "format", kFormats);
  t.transaction = choice(r, "transaction", kTransactions);
  t.transaction_markers = patterns(r, "transaction_markers");
  t.no_transaction_markers = patterns(r, "no_transaction_markers");
  if (r.contains("no_transaction_statements")) t.no_transaction_statements.emplace(r.at("no_transaction_statements").get<std::string>());
  t.sql_sections = patterns(r, "sql_sections");
  t.no_transaction_names = patterns(r, "no_transaction_names");
  if (r.contains("no_transaction_files"))
    for (const auto& f : r.at("no_transaction_files"))
      t.no_transaction_files.push_back({f.at(0).get<std::string>(), Pattern(f.at(1).get<std::string>())});
  t.down = choice(r, "down", kDowns);
  t.order = choice(r, "order", kOrders);
  if (r.contains("bookkeeping")) {
    t.bookkeeping_table = r.at("bookkeeping").at("table").get<std::string>();
    t.bookkeeping_key = r.at("bookkeeping").at("key").get<std::string>();
    t.bookkeeping_match = r.at("bookkeeping").value("match", "");
  }
  t.no_transaction_fix = r.at("no_transaction_fix").get<std::string>();
  return t;
}

const json& catalog() {
  static const json doc = json::parse(embedded_file("migration_tools.json"));
  return doc;
}

}  // namespace

const std::vector<ToolRecord>& tool_records() {
  static const auto records = [] {
    std::vector<ToolRecord> out;
    for (const auto& r : catalog().at("tools")) out.push_back(read_record(r));
    return out;
  }();
  return records;
}

const ToolRecord& tool_record(Tool tool) {
  for (const auto& r : tool_records())
    if (r.tool == tool) return r;
  return tool_records().back();  // plain
}

const std::vector<std::string>& skip_directories() {
  static const auto names = catalog().at("skip_directories").get<std::vector<std::string>>();
  return names;
}

bool matches_any(const std::vector<Pattern>& patterns, const std::string& text) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const Pattern& p) { return RE2::PartialMatch(text, p.re()); });
}

std::string no_transaction_fix(Tool tool, const std::string& statement) {
  std::string text = tool_record(tool).no_transaction_fix;
  size_t at = text.find("{statement}");
  if (at != std::string::npos) text.replace(at, 11, statement);
  return text;
}

}  // namespace pgguard::lint
