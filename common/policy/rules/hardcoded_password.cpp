#include "policy/rules/rules.h"

namespace pgguard::rules {
namespace {

class HardcodedPassword : public GuardRule {
 public:
  std::string_view id() const override { return "hardcoded-password"; }
  std::string_view summary() const override {
    return "A PostgreSQL password written into a command, a tool call or a file: URL userinfo, PGPASSWORD=..., password= settings";
  }
  void check(const GuardFacts& facts, std::vector<Finding>& out) const override {
    for (const auto& secret : facts.secrets)
      out.push_back({"hardcoded-password",
                     secret.kind + " in the command (`" + secret.redacted +
                         "`): passwords in commands and tool inputs end up in shell history, logs and transcripts. Safe way "
                         "forward: read the connection from the environment, e.g. psql \"$DATABASE_URL\" (an MCP server: "
                         "configure its connection string from the environment), with the password in ~/.pgpass or the "
                         "environment, never in the command or the tool's input."});
    for (const auto& written : facts.written_secrets)
      out.push_back({"hardcoded-password",
                     "writing " + written.file + " would hardcode a PostgreSQL " + written.secret.kind + " (`" + written.secret.redacted +
                         "`). Safe way forward: read the connection from the environment (process.env.DATABASE_URL, "
                         "os.environ[\"DATABASE_URL\"], ENV[\"DATABASE_URL\"]) and keep the password in an untracked .env file."});
  }
};

}  // namespace

std::unique_ptr<GuardRule> hardcoded_password() { return std::make_unique<HardcodedPassword>(); }

}  // namespace pgguard::rules
