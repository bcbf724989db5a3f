#include "lint/tools.h"

#include <algorithm>
#include <stdexcept>

#include "util/embedded.h"
#include "util/json_fields.h"

namespace pgguard::lint {
namespace {

// rapidjson, as for the other catalogs: a hook process reads this one on every call.
using rapidjson::Value;
using json_fields::strings;

constexpr char kCatalog[] = "migration_tools.json";

std::string required(const Value& record, const char* key) { return json_fields::required_text(record, key, kCatalog); }

// Compiled when first matched; the catalog test compiles every one.
std::vector<Pattern> patterns(const Value& record, const char* key) {
  std::vector<Pattern> out;
  for (auto& text : strings(record, key)) out.emplace_back(std::move(text));
  return out;
}

// Pairs of strings ([["package.json", "\"dbmate\""], ...]).
std::vector<std::pair<std::string, std::string>> pairs(const Value& record, const char* key) {
  std::vector<std::pair<std::string, std::string>> out;
  const Value* list = json_fields::member(record, key);
  if (!list || !list->IsArray()) return out;
  for (const Value& item : list->GetArray()) {
    auto both = strings(item);
    if (both.size() != 2) throw std::runtime_error(std::string("migration_tools.json: ") + key + " holds pairs");
    out.emplace_back(std::move(both[0]), std::move(both[1]));
  }
  return out;
}

template <typename E, size_t N>
E choice(const Value& record, const char* key, const std::pair<const char*, E> (&names)[N]) {
  std::string value = json_fields::text(record, key, names[0].first);
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

ToolRecord read_record(const Value& r) {
  using json_fields::member;
  using json_fields::text;
  ToolRecord t;
  t.name = required(r, "name");
  auto tool = parse_tool(t.name);
  if (!tool) throw std::runtime_error("migration_tools.json: unknown tool " + t.name);
  t.tool = *tool;
  t.markers = patterns(r, "markers");
  t.manifests = pairs(r, "manifests");
  t.files = strings(r, "files");
  t.paths = strings(r, "paths");
  t.path_patterns = patterns(r, "path_patterns");
  t.sibling_files = strings(r, "sibling_files");
  t.requires_project = json_fields::flag(r, "requires_project");
  t.requires_sibling = json_fields::flag(r, "requires_sibling");
  t.content = patterns(r, "content");
  t.layouts = strings(r, "layouts");
  t.foreign_dialects = patterns(r, "foreign_dialects");
  t.format = choice(r, "format", kFormats);
  t.transaction = choice(r, "transaction", kTransactions);
  t.transaction_markers = patterns(r, "transaction_markers");
  t.no_transaction_markers = patterns(r, "no_transaction_markers");
  if (member(r, "no_transaction_statements")) t.no_transaction_statements.emplace(required(r, "no_transaction_statements"));
  t.sql_sections = patterns(r, "sql_sections");
  t.no_transaction_names = patterns(r, "no_transaction_names");
  for (auto& [file, pattern] : pairs(r, "no_transaction_files")) t.no_transaction_files.emplace_back(std::move(file), Pattern(std::move(pattern)));
  t.down = choice(r, "down", kDowns);
  t.order = choice(r, "order", kOrders);
  if (const Value* bookkeeping = member(r, "bookkeeping")) {
    t.bookkeeping_table = required(*bookkeeping, "table");
    t.bookkeeping_key = required(*bookkeeping, "key");
    t.bookkeeping_match = text(*bookkeeping, "match");
  }
  t.no_transaction_fix = required(r, "no_transaction_fix");
  return t;
}

const rapidjson::Document& catalog() {
  static const rapidjson::Document doc = [] {
    rapidjson::Document d;
    json_fields::parse_catalog(d, embedded_file(kCatalog), kCatalog);
    return d;
  }();
  return doc;
}

}  // namespace

const std::vector<ToolRecord>& tool_records() {
  static const auto records = [] {
    std::vector<ToolRecord> out;
    const Value* tools = json_fields::member(catalog(), "tools");
    if (!tools || !tools->IsArray()) throw std::runtime_error("migration_tools.json: no tools");
    for (const Value& r : tools->GetArray()) out.push_back(read_record(r));
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
  static const auto names = strings(catalog(), "skip_directories");
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
