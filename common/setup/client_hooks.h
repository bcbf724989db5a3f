#pragma once
#include <string>
#include <vector>

#include "clients/client.h"

namespace pgguard::setup {

// The command line a client runs for one of pgguard's hooks.
std::string hook_command(const Client& client, const std::string& bin_dir, bool post);

// A client's hook configuration file with pgguard's hooks merged in: other hooks and unknown keys
// are kept, and merging twice changes nothing. Throws when the text is not a JSON object.
std::string with_hooks(const Client& client, const std::string& text, const std::string& bin_dir);
// The same file with pgguard's hooks taken out; "" when nothing else is left in it.
std::string without_hooks(const Client& client, const std::string& text);

// For each hook the client needs, what runs it: "" when no entry of the settings text runs pgguard
// for that event and matcher, else the command found.
struct WiredHook {
  HookEntry hook;
  std::string command;
};
std::vector<WiredHook> wired_hooks(const Client& client, const std::string& text);

}  // namespace pgguard::setup
