#include "clients/client.h"

#include <cstring>

#include "util/text.h"

namespace pgguard {

extern const Client kClaudeClient, kCodexClient, kGeminiClient, kCursorClient, kCopilotClient;

const std::vector<const Client*>& all_clients() {
  static const std::vector<const Client*> clients = {&kClaudeClient, &kGeminiClient, &kCodexClient, &kCursorClient, &kCopilotClient};
  return clients;
}

const Client* find_client(std::string_view name) {
  for (const Client* client : all_clients())
    if (client->name == name) return client;
  return nullptr;
}

const Client* client_from_arguments(int argc, char** argv) {
  std::string name = "claude";
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--client") == 0 && i + 1 < argc) name = argv[++i];
    else if (std::strncmp(argv[i], "--client=", 9) == 0) name = argv[i] + 9;
  }
  return find_client(name);
}

bool split_mcp_name(const std::string& name, std::string& server, std::string& tool) {
  if (!starts_with(name, "mcp__")) return false;
  size_t separator = name.find("__", 5);
  if (separator == std::string::npos || separator == 5 || separator + 2 >= name.size()) return false;
  server = name.substr(5, separator - 5);
  tool = name.substr(separator + 2);
  return true;
}

std::string ask_as_deny_reason(const std::string& reason) {
  std::string text = reason;
  if (starts_with(text, "pgguard ask:")) text = "pgguard deny (a human must approve):" + text.substr(12);
  return text + "\nThis client cannot ask the human from a hook, so pgguard blocks instead. Safe way forward: show the human "
                "this call and the findings above; if they approve, they run it themselves.";
}

}  // namespace pgguard
