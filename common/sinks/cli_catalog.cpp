#include "sinks/cli_catalog.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <stdexcept>

#include "util/json_fields.h"
#include "util/text.h"

namespace pgguard::sinks {

CliClass parse_cli_class(std::string_view name) {
  if (name == "destructive") return CliClass::Destructive;
  if (name == "push") return CliClass::Push;
  if (name == "migrate") return CliClass::Migrate;
  if (name == "write") return CliClass::Write;
  if (name == "maintenance") return CliClass::Maintenance;
  if (name == "safe") return CliClass::Safe;
  throw std::runtime_error("unknown CLI class '" + std::string(name) + "'");
}

std::string_view cli_class_name(CliClass cls) {
  switch (cls) {
    case CliClass::Destructive: return "destructive";
    case CliClass::Push: return "push";
    case CliClass::Migrate: return "migrate";
    case CliClass::Write: return "write";
    case CliClass::Maintenance: return "maintenance";
    case CliClass::Safe: return "safe";
  }
  return "safe";
}

namespace {

using rapidjson::Value;
using json_fields::flag;
using json_fields::member;
using json_fields::strings;
using json_fields::text;

CliSubcommand read_subcommand(const Value& entry) {
  CliSubcommand sub;
  sub.args = strings(entry, "args");
  sub.operands = strings(entry, "operands");
  if (const Value* groups = member(entry, "flags"); groups && groups->IsArray())
    for (const Value& group : groups->GetArray()) sub.flags.push_back(strings(group));
  sub.cls = parse_cli_class(text(entry, "class"));
  sub.what = text(entry, "what");
  sub.safe = text(entry, "safe");
  sub.remote = flag(entry, "remote");
  sub.sql_flags = strings(entry, "sql_flags");
  sub.sql_file_flags = strings(entry, "sql_file_flags");
  sub.sql_stdin_flags = strings(entry, "sql_stdin_flags");
  sub.sql_positional = flag(entry, "sql_positional");
  sub.output_shape = text(entry, "output_shape");
  sub.psql_session = flag(entry, "psql_session");
  sub.creates_database = flag(entry, "creates_database");
  sub.local_scratch = flag(entry, "local_scratch");
  return sub;
}

bool is_flag(const std::string& arg) { return arg.size() > 1 && arg[0] == '-'; }

// A catalog word against a command's word: exact, or a shell glob when the catalog word holds one
// (`postgres*` names every postgresql@16-main.service); case-insensitive like service names.
bool word_matches(const std::string& pattern, const std::string& word) {
  if (pattern.find_first_of("*?[") == std::string::npos) return pattern == word;
  return fnmatch(pattern.c_str(), word.c_str(), FNM_CASEFOLD) == 0;
}

bool flag_matches(std::string_view arg, std::string_view flag) {
  if (starts_with(flag, "--") || (flag.size() > 2 && flag[0] == '-')) {  // long flag, incl. -url style
    return arg == flag || starts_with(arg, std::string(flag) + "=");
  }
  return starts_with(arg, flag) && !starts_with(arg, "--");
}

// Where each part of the catalog lies in its text, from one pass of RapidJSON's SAX reader: the
// programs of each tool and the byte ranges of the tools and of the script patterns. A hook
// needs one or two tools per command; building a DOM of the whole catalog cost more than the rest
// of a typical answer.
class CatalogIndexer : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, CatalogIndexer> {
 public:
  using Range = std::pair<size_t, size_t>;
  explicit CatalogIndexer(const rapidjson::MemoryStream& stream) : stream_(stream) {}

  std::vector<Range> tools;
  std::vector<std::vector<std::string>> programs;  // per tool
  std::optional<Range> scripts;

  bool StartObject() { return open('{'); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool StartArray() { return open('['); }
  bool EndArray(rapidjson::SizeType) { return close(); }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    key_.assign(text, length);
    return true;
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    if (in_programs()) programs.back().emplace_back(text, length);
    else if (depth_ == 3 && key_ == "programs") return false;  // "programs" must be a list
    return true;
  }
  bool Default() { return !in_programs(); }  // a program that is not a string is an error

 private:
  const rapidjson::MemoryStream& stream_;
  int depth_ = 0;  // 1: the root object, 2: the tools/scripts lists, 3: a tool, 4: a tool's lists
  std::vector<std::string> path_;  // the key that opened each level
  std::string key_;

  bool in_programs() const { return depth_ == 4 && path_.size() == 4 && path_[1] == "tools" && path_[3] == "programs"; }

  bool open(char bracket) {
    ++depth_;
    path_.push_back(depth_ == 1 ? "" : key_);
    size_t at = stream_.Tell() - 1;  // the reader has taken the bracket
    if (depth_ == 2 && (path_[1] == "tools" || path_[1] == "scripts") && bracket != '[') return false;  // both are lists
    if (depth_ == 3 && path_[1] == "tools") {
      if (bracket != '{') return false;
      tools.push_back({at, at});
      programs.emplace_back();
    }
    if (depth_ == 2 && path_[1] == "scripts") scripts = Range{at, at};
    return true;
  }
  bool close() {
    if (depth_ == 3 && path_[1] == "tools") tools.back().second = stream_.Tell();
    if (depth_ == 2 && path_[1] == "scripts") scripts->second = stream_.Tell();
    path_.pop_back();
    --depth_;
    key_.clear();
    return true;
  }
};

// One part of the catalog's text, parsed on its own.
std::unique_ptr<rapidjson::Document> parse_part(std::string_view text, std::pair<size_t, size_t> range) {
  auto document = std::make_unique<rapidjson::Document>();
  if (document->Parse(text.data() + range.first, range.second - range.first).HasParseError())
    throw std::runtime_error("CLI catalog: cannot read the entry at offset " + std::to_string(range.first));
  return document;
}

}  // namespace

struct CliCatalog::Parsed {
  std::string_view text;
  std::vector<std::pair<size_t, size_t>> tool_ranges;
  std::optional<std::pair<size_t, size_t>> scripts_range;
  std::map<std::string, size_t, std::less<>> tool_by_program;  // index into tool_ranges
  std::vector<std::unique_ptr<CliTool>> tools;                  // same indexes; null until first use
  std::optional<std::vector<ScriptPattern>> scripts;
};

CliCatalog::CliCatalog() : parsed_(std::make_unique<Parsed>()) {}
CliCatalog::CliCatalog(CliCatalog&&) noexcept = default;
CliCatalog::~CliCatalog() = default;

CliCatalog CliCatalog::load(std::string_view json_text) {
  CliCatalog catalog;
  Parsed& p = *catalog.parsed_;
  p.text = json_text;
  rapidjson::MemoryStream stream(json_text.data(), json_text.size());
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> input(stream);
  CatalogIndexer indexer(stream);
  rapidjson::Reader reader;
  if (reader.Parse(input, indexer).IsError())
    throw std::runtime_error("CLI catalog: " + std::string(rapidjson::GetParseError_En(reader.GetParseErrorCode())) + " at offset " +
                             std::to_string(reader.GetErrorOffset()));
  if (indexer.tools.empty()) throw std::runtime_error("CLI catalog: no tools");
  for (size_t i = 0; i < indexer.tools.size(); ++i)
    for (const auto& program : indexer.programs[i]) p.tool_by_program.emplace(program, i);
  p.tool_ranges = std::move(indexer.tools);
  p.tools.resize(p.tool_ranges.size());
  p.scripts_range = indexer.scripts;
  return catalog;
}

const CliTool* CliCatalog::find_tool(std::string_view program) const {
  auto found = parsed_->tool_by_program.find(program);
  if (found == parsed_->tool_by_program.end()) return nullptr;
  std::unique_ptr<CliTool>& tool = parsed_->tools[found->second];
  if (!tool) {
    auto document = parse_part(parsed_->text, parsed_->tool_ranges[found->second]);
    const Value& t = *document;
    tool = std::make_unique<CliTool>();
    tool->name = text(t, "name");
    tool->programs = strings(t, "programs");
    tool->value_flags = strings(t, "value_flags");
    tool->env_flags = strings(t, "env_flags");
    tool->url_flags = strings(t, "url_flags");
    tool->local_flags = strings(t, "local_flags");
    tool->driver_positionals = strings(t, "driver_positionals");
    tool->database_positional = flag(t, "database_positional");
    if (const Value* subcommands = member(t, "subcommands"); subcommands && subcommands->IsArray())
      for (const Value& s : subcommands->GetArray()) tool->subcommands.push_back(read_subcommand(s));
  }
  return tool.get();
}

bool CliCatalog::flag_present(const std::vector<std::string>& args, std::string_view flag, const std::vector<std::string>& value_flags) {
  bool short_flag = flag.size() == 2 && flag[0] == '-' && flag[1] != '-';
  for (const auto& a : args) {
    if (flag_matches(a, flag)) return true;
    if (!short_flag || a.size() < 3 || a[0] != '-' || a[1] == '-') continue;
    for (size_t i = 1; i < a.size() && std::isalpha(static_cast<unsigned char>(a[i])); ++i) {
      if (a[i] == flag[1]) return true;
      if (std::find(value_flags.begin(), value_flags.end(), std::string("-") + a[i]) != value_flags.end()) break;
    }
  }
  return false;
}

std::vector<std::string> CliCatalog::positionals(const CliTool& tool, const std::vector<std::string>& args) {
  std::vector<std::string> positionals;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") {
      positionals.insert(positionals.end(), args.begin() + static_cast<long>(i) + 1, args.end());
      break;
    }
    if (is_flag(args[i])) {
      bool takes_value = std::find(tool.value_flags.begin(), tool.value_flags.end(), args[i]) != tool.value_flags.end();
      if (takes_value) ++i;
      continue;
    }
    positionals.push_back(args[i]);
  }
  return positionals;
}

const CliSubcommand* CliCatalog::match(const CliTool& tool, const std::vector<std::string>& args) const {
  std::vector<std::string> positionals = CliCatalog::positionals(tool, args);
  const auto& drivers = tool.driver_positionals;
  if (positionals.size() >= 2 && std::find(drivers.begin(), drivers.end(), positionals[0]) != drivers.end())
    positionals.erase(positionals.begin(), positionals.begin() + 2);
  for (const auto& sub : tool.subcommands) {
    if (sub.args.size() > positionals.size() || !std::equal(sub.args.begin(), sub.args.end(), positionals.begin(), word_matches)) continue;
    bool operand_ok = sub.operands.empty() || std::any_of(positionals.begin() + static_cast<long>(sub.args.size()), positionals.end(),
                                                          [&](const std::string& p) {
                                                            return std::any_of(sub.operands.begin(), sub.operands.end(),
                                                                               [&](const std::string& o) { return word_matches(o, p); });
                                                          });
    if (!operand_ok) continue;
    bool flags_ok = std::all_of(sub.flags.begin(), sub.flags.end(), [&](const std::vector<std::string>& group) {
      return std::any_of(group.begin(), group.end(), [&](const std::string& f) { return flag_present(args, f, tool.value_flags); });
    });
    if (flags_ok) return &sub;
  }
  return nullptr;
}

const CliSubcommand* CliCatalog::judge_script_name(std::string_view name) const {
  if (!parsed_->scripts) {
    std::vector<ScriptPattern> scripts;
    if (parsed_->scripts_range) {
      auto entries = parse_part(parsed_->text, *parsed_->scripts_range);
      for (const Value& s : entries->GetArray()) {
        auto re = std::make_shared<RE2>(text(s, "pattern"), RE2::Quiet);
        if (!re->ok()) throw std::runtime_error("bad script pattern: " + re->error());
        scripts.push_back({re, read_subcommand(s)});
      }
    }
    parsed_->scripts = std::move(scripts);
  }
  for (const auto& script : *parsed_->scripts)
    if (RE2::PartialMatch(re2::StringPiece(name.data(), name.size()), *script.pattern)) return &script.judgement;
  return nullptr;
}

std::vector<std::string> CliCatalog::flag_values(const std::vector<std::string>& args, const std::vector<std::string>& flags,
                                                 const std::vector<std::string>& value_flags) {
  std::vector<std::string> values;
  for (size_t i = 0; i < args.size(); ++i) {
    for (const auto& flag : flags) {
      if (args[i] == flag && i + 1 < args.size()) {
        values.push_back(args[i + 1]);
      } else if (starts_with(args[i], flag + "=")) {
        values.push_back(args[i].substr(flag.size() + 1));
      } else if (flag.size() == 2 && flag[0] == '-' && flag[1] != '-' && starts_with(args[i], flag) && args[i].size() > 2 &&
                 std::find(value_flags.begin(), value_flags.end(), flag) != value_flags.end()) {
        values.push_back(args[i].substr(2));
      }
    }
  }
  return values;
}

}  // namespace pgguard::sinks
