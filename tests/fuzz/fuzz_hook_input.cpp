// Hook stdin -> answer, through every client's adapter and both its encoders (before the tool:
// the decision; after it: the lint feedback): any bytes must give valid JSON output (or none),
// never a crash or a hang.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "guard/post_tool_use.h"
#include "guard/pre_tool_use.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pgguard::hook_io::RawInput raw{std::string(reinterpret_cast<const char*>(data), size), size};
  static const std::map<std::string, std::string> env = {{"PATH", "/usr/bin:/bin"}, {"HOME", "/nonexistent"}};
  for (const pgguard::Client* client : pgguard::all_clients()) {
    for (const pgguard::Answer& answer : {pgguard::run_pre_tool_use(raw, env, "/nonexistent", *client),
                                          pgguard::run_post_tool_use(raw, env, "/nonexistent", *client)})
      if (!answer.out.empty() && nlohmann::json::parse(answer.out, nullptr, false).is_discarded()) std::abort();  // output must be JSON
  }
  return 0;
}
