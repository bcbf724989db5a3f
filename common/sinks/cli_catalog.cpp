#include "sinks/cli_catalog.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

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

using simdjson::dom::element;

std::vector<std::string> strings(element array) {
  std::vector<std::string> out;
  simdjson::dom::array items;
  if (array.get(items) != simdjson::SUCCESS) return out;
  for (element item : items) {
    std::string_view text;
    if (item.get(text) != simdjson::SUCCESS) throw std::runtime_error("expected a list of strings");
    out.emplace_back(text);
  }
  return out;
}

std::vector<std::string> strings(element object, const char* key) {
  element value;
  if (object[key].get(value) != simdjson::SUCCESS) return {};
  return strings(value);
}

std::string text(element object, const char* key) {
  std::string_view value;
  return object[key].get(value) == simdjson::SUCCESS ? std::string(value) : std::string();
}

CliSubcommand read_subcommand(element entry) {
  CliSubcommand sub;
  sub.args = strings(entry, "args");
  simdjson::dom::array groups;
  if (entry["flags"].get(groups) == simdjson::SUCCESS)
    for (element group : groups) sub.flags.push_back(strings(group));
  sub.cls = parse_cli_class(text(entry, "class"));
  sub.what = text(entry, "what");
  sub.safe = text(entry, "safe");
  bool remote = false;
  sub.remote = entry["remote"].get(remote) == simdjson::SUCCESS && remote;
  sub.sql_flags = strings(entry, "sql_flags");
  sub.sql_file_flags = strings(entry, "sql_file_flags");
  sub.sql_stdin_flags = strings(entry, "sql_stdin_flags");
  bool positional = false;
  sub.sql_positional = entry["sql_positional"].get(positional) == simdjson::SUCCESS && positional;
  return sub;
}

bool is_flag(const std::string& arg) { return arg.size() > 1 && arg[0] == '-'; }

bool flag_matches(std::string_view arg, std::string_view flag) {
  if (starts_with(flag, "--") || (flag.size() > 2 && flag[0] == '-')) {  // long flag, incl. -url style
    return arg == flag || starts_with(arg, std::string(flag) + "=");
  }
  return starts_with(arg, flag) && !starts_with(arg, "--");
}

}  // namespace

CliCatalog CliCatalog::load(std::string_view json_text) {
  simdjson::dom::parser parser;
  element doc;
  if (auto error = parser.parse(json_text.data(), json_text.size()).get(doc))
    throw std::runtime_error(std::string("CLI catalog: ") + simdjson::error_message(error));
  CliCatalog catalog;
  simdjson::dom::array tools, scripts;
  if (doc["tools"].get(tools) != simdjson::SUCCESS) throw std::runtime_error("CLI catalog: no tools");
  for (element t : tools) {
    CliTool tool;
    tool.name = text(t, "name");
    tool.programs = strings(t, "programs");
    tool.value_flags = strings(t, "value_flags");
    tool.env_flags = strings(t, "env_flags");
    tool.url_flags = strings(t, "url_flags");
    tool.local_flags = strings(t, "local_flags");
    tool.driver_positionals = strings(t, "driver_positionals");
    bool database_positional = false;
    tool.database_positional = t["database_positional"].get(database_positional) == simdjson::SUCCESS && database_positional;
    simdjson::dom::array subcommands;
    if (t["subcommands"].get(subcommands) == simdjson::SUCCESS)
      for (element s : subcommands) tool.subcommands.push_back(read_subcommand(s));
    catalog.tools_.push_back(std::move(tool));
  }
  if (doc["scripts"].get(scripts) == simdjson::SUCCESS) {
    for (element s : scripts) {
      auto re = std::make_shared<RE2>(text(s, "pattern"), RE2::Quiet);
      if (!re->ok()) throw std::runtime_error("bad script pattern: " + re->error());
      catalog.scripts_.push_back({re, read_subcommand(s)});
    }
  }
  return catalog;
}

const CliTool* CliCatalog::find_tool(std::string_view program) const {
  for (const auto& tool : tools_)
    if (std::find(tool.programs.begin(), tool.programs.end(), program) != tool.programs.end()) return &tool;
  return nullptr;
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
    if (sub.args.size() > positionals.size() || !std::equal(sub.args.begin(), sub.args.end(), positionals.begin())) continue;
    bool flags_ok = std::all_of(sub.flags.begin(), sub.flags.end(), [&](const std::vector<std::string>& group) {
      return std::any_of(group.begin(), group.end(), [&](const std::string& f) { return flag_present(args, f, tool.value_flags); });
    });
    if (flags_ok) return &sub;
  }
  return nullptr;
}

const CliSubcommand* CliCatalog::judge_script_name(std::string_view name) const {
  for (const auto& script : scripts_)
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
