#include "setup/client_hooks.h"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "util/text.h"

namespace pgguard::setup {
namespace {

using nlohmann::json;

constexpr char kPre[] = "pgguard-pre-tool-use";
constexpr char kPost[] = "pgguard-post-tool-use";

json parse_object(const std::string& text) {
  if (trim(text).empty()) return json::object();
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) throw std::runtime_error("not a JSON object");
  return doc;
}

// A command runs one of pgguard's hooks when its program (the first word) is one of them.
bool runs_pgguard(const json& handler, std::string_view command_key) {
  if (!handler.is_object()) return false;
  auto it = handler.find(std::string(command_key));
  if (it == handler.end() || !it->is_string()) return false;
  std::string command = *it;
  std::string program = command.substr(0, command.find(' '));
  return ends_with(program, kPre) || ends_with(program, kPost);
}

std::vector<std::string> alternatives(std::string_view matcher) {
  std::vector<std::string> names;
  for (size_t start = 0; start <= matcher.size();) {
    size_t bar = matcher.find('|', start);
    names.emplace_back(matcher.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return names;
}

// Whether a configured matcher covers every tool name of the one pgguard needs.
bool covers(const std::string& configured, std::string_view needed) {
  if (configured.empty() || configured == "*" || configured == ".*") return true;
  std::vector<std::string> have = alternatives(configured);
  for (const auto& name : alternatives(needed))
    if (std::find(have.begin(), have.end(), name) == have.end()) return false;
  return true;
}

json handler_for(const Client& client, const HookEntry& hook, const std::string& bin_dir) {
  const HookConfig& config = client.hooks;
  json handler = config.shape == HookConfig::Shape::Flat ? json::parse(config.entry_extras) : json{{"type", "command"}};
  handler[std::string(config.command_key)] = hook_command(client, bin_dir, hook.post);
  handler[std::string(config.timeout_key)] = hook.timeout_seconds * 1000 / config.timeout_unit_ms;
  return handler;
}

}  // namespace

std::string hook_command(const Client& client, const std::string& bin_dir, bool post) {
  std::string command = bin_dir + "/" + (post ? kPost : kPre);
  return client.name == "claude" ? command : command + " --client " + std::string(client.name);
}

std::string with_hooks(const Client& client, const std::string& text, const std::string& bin_dir) {
  const HookConfig& config = client.hooks;
  json settings = parse_object(text);
  const json required = json::parse(config.top_level);
  for (const auto& [key, value] : required.items())
    if (!settings.contains(key)) settings[key] = value;
  json& hooks = settings["hooks"];
  if (!hooks.is_object()) hooks = json::object();
  for (const auto& hook : config.hooks) {
    json& entries = hooks[std::string(hook.event)];
    if (!entries.is_array()) entries = json::array();
    json handler = handler_for(client, hook, bin_dir);
    const std::string command = handler[std::string(config.command_key)];
    auto same_command = [&](const json& h) { return h.is_object() && h.value(std::string(config.command_key), "") == command; };
    if (config.shape == HookConfig::Shape::Flat) {
      if (std::none_of(entries.begin(), entries.end(), same_command)) entries.push_back(handler);
      continue;
    }
    json* entry = nullptr;
    for (auto& e : entries)
      if (e.is_object() && e.value("matcher", "") == hook.matcher) entry = &e;
    if (!entry) {
      entries.push_back({{"matcher", std::string(hook.matcher)}, {"hooks", json::array()}});
      entry = &entries.back();
    }
    json& list = (*entry)["hooks"];
    if (!list.is_array()) list = json::array();
    if (std::none_of(list.begin(), list.end(), same_command)) list.push_back(handler);
  }
  return settings.dump(2) + "\n";
}

std::string without_hooks(const Client& client, const std::string& text) {
  const HookConfig& config = client.hooks;
  json settings = parse_object(text);
  if (settings.contains("hooks") && settings["hooks"].is_object()) {
    json& hooks = settings["hooks"];
    for (auto it = hooks.begin(); it != hooks.end();) {
      if (it->is_array()) {
        json kept = json::array();
        for (auto entry : *it) {
          if (config.shape == HookConfig::Shape::Flat) {
            if (!runs_pgguard(entry, config.command_key)) kept.push_back(entry);
            continue;
          }
          if (entry.is_object() && entry.contains("hooks") && entry["hooks"].is_array()) {
            json remaining = json::array();
            for (const auto& h : entry["hooks"])
              if (!runs_pgguard(h, config.command_key)) remaining.push_back(h);
            if (remaining.empty()) continue;
            entry["hooks"] = remaining;
          }
          kept.push_back(entry);
        }
        *it = kept;
      }
      it = it->is_array() && it->empty() ? hooks.erase(it) : std::next(it);
    }
    if (hooks.empty()) settings.erase("hooks");
  }
  // Keys init added only because the file format needs them go when nothing else is left.
  json required = json::parse(config.top_level);
  bool only_required = std::all_of(settings.items().begin(), settings.items().end(),
                                   [&](const auto& item) { return required.contains(item.key()) && required[item.key()] == item.value(); });
  return settings.empty() || only_required ? "" : settings.dump(2) + "\n";
}

std::vector<WiredHook> wired_hooks(const Client& client, const std::string& text) {
  const HookConfig& config = client.hooks;
  json settings = parse_object(text);
  json hooks = settings.value("hooks", json::object());
  std::vector<WiredHook> wired;
  for (const auto& hook : config.hooks) {
    WiredHook found{hook, ""};
    json entries = hooks.is_object() ? hooks.value(std::string(hook.event), json::array()) : json::array();
    for (const auto& entry : entries) {
      if (!entry.is_object()) continue;
      if (config.shape == HookConfig::Shape::Flat) {
        if (runs_pgguard(entry, config.command_key) && entry[std::string(config.command_key)].get<std::string>().find(hook.post ? kPost : kPre) != std::string::npos)
          found.command = entry[std::string(config.command_key)];
        continue;
      }
      if (!covers(entry.value("matcher", ""), hook.matcher)) continue;
      for (const auto& h : entry.value("hooks", json::array()))
        if (runs_pgguard(h, config.command_key) && (h[std::string(config.command_key)].get<std::string>().find(hook.post ? kPost : kPre) != std::string::npos))
          found.command = h[std::string(config.command_key)];
    }
    wired.push_back(found);
  }
  return wired;
}

}  // namespace pgguard::setup
