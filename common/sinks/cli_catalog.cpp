#include "sinks/cli_catalog.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "util/text.h"

namespace pgguard::sinks {

using nlohmann::json;

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

std::vector<std::string> strings(const json& object, const char* key) {
  std::vector<std::string> out;
  if (object.contains(key)) out = object.at(key).get<std::vector<std::string>>();
  return out;
}

CliSubcommand read_subcommand(const json& entry) {
  CliSubcommand sub;
  sub.args = strings(entry, "args");
  if (entry.contains("flags")) sub.flags = entry.at("flags").get<std::vector<std::vector<std::string>>>();
  sub.cls = parse_cli_class(entry.at("class").get<std::string>());
  sub.what = entry.value("what", "");
  sub.safe = entry.value("safe", "");
  sub.remote = entry.value("remote", false);
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
  json doc = json::parse(json_text);
  CliCatalog catalog;
  for (const auto& t : doc.at("tools")) {
    CliTool tool;
    tool.name = t.at("name").get<std::string>();
    tool.programs = strings(t, "programs");
    tool.value_flags = strings(t, "value_flags");
    tool.env_flags = strings(t, "env_flags");
    tool.url_flags = strings(t, "url_flags");
    tool.local_flags = strings(t, "local_flags");
    tool.driver_positionals = strings(t, "driver_positionals");
    tool.database_positional = t.value("database_positional", false);
    for (const auto& s : t.at("subcommands")) tool.subcommands.push_back(read_subcommand(s));
    catalog.tools_.push_back(std::move(tool));
  }
  if (doc.contains("scripts")) {
    for (const auto& s : doc.at("scripts")) {
      auto re = std::make_shared<RE2>(s.at("pattern").get<std::string>(), RE2::Quiet);
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

bool CliCatalog::flag_present(const std::vector<std::string>& args, std::string_view flag) {
  return std::any_of(args.begin(), args.end(), [&](const std::string& a) { return flag_matches(a, flag); });
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
      return std::any_of(group.begin(), group.end(), [&](const std::string& f) { return flag_present(args, f); });
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
