#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace pgguard {

// Ordered by strength: the strongest verdict of all findings is the decision.
enum class Verdict { None, Allow, Ask, Deny };

Verdict parse_verdict(std::string_view name);  // "off" is None; throws on unknown names
std::string_view verdict_name(Verdict verdict);

struct Finding {
  std::string rule;     // stable kebab-case id
  std::string message;  // what was found, why it matters, and the safe way forward
  Verdict verdict = Verdict::None;
};

struct Decision {
  Verdict verdict = Verdict::None;
  std::vector<Finding> findings;
  std::string reason;            // redacted text for permissionDecisionReason
  std::string updated_command;   // set when a trailing --confirm is removed
};

}  // namespace pgguard
