#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <optional>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "clients/client.h"
#include "setup/setup.h"
#include "util/environment.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::cli {
namespace {

// The installed hooks sit next to this executable.
std::string own_directory() {
  char buffer[4096];
  ssize_t n = ::readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
  if (n <= 0) return current_directory();
  std::string path(buffer, static_cast<size_t>(n));
  return path.substr(0, path.find_last_of('/'));
}

struct Common {
  std::string project = setup::project_root(current_directory());
  std::string bin = own_directory();
  bool dry_run = false, json = false, permissions = false;
  std::string client = "claude";
};

std::optional<Common> parse(const std::vector<std::string>& args, const char* command) {
  Common c;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--project" && i + 1 < args.size()) c.project = args[++i];
    else if (args[i] == "--bin" && i + 1 < args.size()) c.bin = args[++i];
    else if (args[i] == "--dry-run") c.dry_run = true;
    else if (args[i] == "--json") c.json = true;
    else if (args[i] == "--permissions") c.permissions = true;
    else if (args[i] == "--client" && i + 1 < args.size()) c.client = args[++i];
    else if (starts_with(args[i], "--client=")) c.client = args[i].substr(9);
    else {
      usage_error(std::string("unknown ") + command + " option '" + args[i] + "'");
      return std::nullopt;
    }
  }
  if (!find_client(c.client)) {
    usage_error("unknown --client '" + c.client + "' (known: claude, gemini, codex, cursor, copilot)");
    return std::nullopt;
  }
  if (c.permissions && c.client != "claude") {
    usage_error("--permissions writes Claude Code permission rules: it goes with --client claude only");
    return std::nullopt;
  }
  if (!is_directory(c.project)) {
    usage_error("no such project directory: " + c.project);
    return std::nullopt;
  }
  return c;
}

int write_changes(const std::vector<setup::FileChange>& changes, bool dry_run) {
  bool any = false;
  for (const auto& change : changes) {
    if (!change.note.empty()) std::cout << change.note << "\n";
    if (!change.changed()) continue;
    any = true;
    if (dry_run) std::cout << setup::diff(change);
    else std::cout << (change.after.empty() ? "removed " : change.before.empty() ? "created " : "updated ") << change.path << "\n";
  }
  if (!any) std::cout << "nothing to change\n";
  if (dry_run || !any) return 0;
  std::string error;
  if (!setup::apply(changes, error)) {
    std::cerr << "pgguard: " << error << "\n";
    return 2;
  }
  return 0;
}

}  // namespace

int init(const std::vector<std::string>& args) {
  auto c = parse(args, "init");
  if (!c) return 2;
  return write_changes(setup::plan_init({c->project, c->bin, c->permissions, c->client}), c->dry_run);
}

int uninstall(const std::vector<std::string>& args) {
  auto c = parse(args, "uninstall");
  if (!c) return 2;
  return write_changes(setup::plan_uninstall(c->project, c->client), c->dry_run);
}

int doctor(const std::vector<std::string>& args) {
  auto c = parse(args, "doctor");
  if (!c) return 2;
  auto checks = setup::doctor(c->project, c->bin, c->client);
  bool ok = std::all_of(checks.begin(), checks.end(), [](const setup::Check& check) { return check.ok; });
  if (c->json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& check : checks) list.push_back({{"check", check.name}, {"ok", check.ok}, {"detail", check.detail}});
    std::cout << nlohmann::json{{"ok", ok}, {"checks", list}}.dump(2) << "\n";
  } else {
    for (const auto& check : checks) std::cout << (check.ok ? "  ok    " : "  FAIL  ") << check.name << ": " << check.detail << "\n";
    std::cout << (ok ? "pgguard is set up and working.\n" : "pgguard is NOT fully set up: fix the FAIL lines above.\n");
  }
  return ok ? 0 : 1;
}

}  // namespace pgguard::cli
