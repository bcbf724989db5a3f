#include "policy/verdict.h"

#include <stdexcept>

namespace pgguard {

Verdict parse_verdict(std::string_view name) {
  if (name == "off" || name == "none") return Verdict::None;
  if (name == "allow") return Verdict::Allow;
  if (name == "ask") return Verdict::Ask;
  if (name == "deny") return Verdict::Deny;
  throw std::runtime_error("unknown verdict '" + std::string(name) + "' (use deny, ask, allow or off)");
}

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::None: return "none";
    case Verdict::Allow: return "allow";
    case Verdict::Ask: return "ask";
    case Verdict::Deny: return "deny";
  }
  return "none";
}

}  // namespace pgguard
