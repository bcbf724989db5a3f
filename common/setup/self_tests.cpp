#include "setup/self_tests.h"

#include <sys/stat.h>

#include <fstream>
#include <map>

#include "setup/client_hooks.h"
#include "util/files.h"
#include "util/subprocess.h"
#include "util/text.h"

namespace pgguard::setup {
namespace {

// One client's payloads for the probes, in its own field names: @CWD@ is the directory the call
// runs in, @FILE@ the migration it wrote. Clients whose after-tool output is ignored have no
// `written` probe.
struct Probes {
  const char* shell;    // a shell command: psql ... -c 'DROP TABLE pgguard_doctor_probe'
  const char* mcp;      // a database MCP tool running DROP TABLE pgguard_doctor_probe
  const char* written;  // a migration written by the client's file tool
};

const std::map<std::string_view, Probes>& probes() {
  static const std::map<std::string_view, Probes> table = {
      {"claude",
       {R"({"hook_event_name":"PreToolUse","tool_name":"Bash","cwd":"@CWD@","tool_input":{"command":"psql \"$DATABASE_URL\" -c 'DROP TABLE pgguard_doctor_probe'"}})",
        R"({"hook_event_name":"PreToolUse","tool_name":"mcp__supabase__execute_sql","cwd":"@CWD@","tool_input":{"project_id":"pgguard-doctor","query":"DROP TABLE pgguard_doctor_probe"}})",
        R"({"hook_event_name":"PostToolUse","tool_name":"Write","cwd":"@CWD@","tool_input":{"file_path":"@FILE@","content":""},"tool_response":{"filePath":"@FILE@"}})"}},
      {"gemini",
       {R"({"hook_event_name":"BeforeTool","tool_name":"run_shell_command","cwd":"@CWD@","tool_input":{"command":"psql \"$DATABASE_URL\" -c 'DROP TABLE pgguard_doctor_probe'"}})",
        R"({"hook_event_name":"BeforeTool","tool_name":"mcp_supabase_execute_sql","cwd":"@CWD@","tool_input":{"project_id":"pgguard-doctor","query":"DROP TABLE pgguard_doctor_probe"},"mcp_context":{"server_name":"supabase","tool_name":"execute_sql"}})",
        R"({"hook_event_name":"AfterTool","tool_name":"write_file","cwd":"@CWD@","tool_input":{"file_path":"@FILE@","content":""},"tool_response":{"llmContent":"Successfully wrote @FILE@"}})"}},
      {"codex",
       {R"({"hook_event_name":"PreToolUse","tool_name":"Bash","cwd":"@CWD@","tool_input":{"command":"psql \"$DATABASE_URL\" -c 'DROP TABLE pgguard_doctor_probe'"}})",
        R"({"hook_event_name":"PreToolUse","tool_name":"mcp__supabase__execute_sql","cwd":"@CWD@","tool_input":{"project_id":"pgguard-doctor","query":"DROP TABLE pgguard_doctor_probe"}})",
        R"({"hook_event_name":"PostToolUse","tool_name":"apply_patch","cwd":"@CWD@","tool_input":{"command":"*** Begin Patch\n*** Add File: @FILE@\n+\n*** End Patch\n"},"tool_response":"Success."})"}},
      {"cursor",
       {R"({"hook_event_name":"beforeShellExecution","workspace_roots":["@CWD@"],"cwd":"@CWD@","command":"psql \"$DATABASE_URL\" -c 'DROP TABLE pgguard_doctor_probe'"})",
        R"({"hook_event_name":"beforeMCPExecution","workspace_roots":["@CWD@"],"tool_name":"execute_sql","tool_input":"{\"project_id\":\"pgguard-doctor\",\"query\":\"DROP TABLE pgguard_doctor_probe\"}","url":"https://mcp.supabase.com/mcp"})",
        nullptr}},
      {"copilot",
       {R"({"cwd":"@CWD@","toolName":"bash","toolArgs":"{\"command\":\"psql \\\"$DATABASE_URL\\\" -c 'DROP TABLE pgguard_doctor_probe'\"}"})",
        R"({"cwd":"@CWD@","toolName":"supabase-execute_sql","toolArgs":"{\"project_id\":\"pgguard-doctor\",\"query\":\"DROP TABLE pgguard_doctor_probe\"}"})",
        R"({"cwd":"@CWD@","toolName":"create","toolArgs":"{\"path\":\"@FILE@\",\"file_text\":\"\"}","toolResult":{"resultType":"success","textResultForLlm":"Created file"}})"}},
  };
  return table;
}

std::string filled(std::string text, const std::string& cwd, const std::string& file) {
  for (auto [from, to] : {std::pair<std::string, const std::string*>{"@CWD@", &cwd}, {"@FILE@", &file}})
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to->size())) text.replace(at, from.size(), *to);
  return text;
}

// Runs the hook as the client's configuration does (`--client NAME` for any client but Claude Code).
ProcessResult run_hook(const Client& client, const std::string& bin_dir, bool post, const std::string& payload) {
  std::string program = hook_command(client, bin_dir, post);
  program = program.substr(0, program.find(' '));
  std::vector<std::string> args;
  if (client.name != "claude") args = {"--client", std::string(client.name)};
  std::map<std::string, std::string> env = {{"PATH", "/usr/bin:/bin"}, {"HOME", "/nonexistent"}};
  return is_regular_file(program) ? run_process(program, args, payload, env, "", 10000) : ProcessResult{};
}

// The answer names the rule and, for a guard probe, blocks: every client's blocking answer says
// "pgguard deny" in its reason (an ask that a client cannot honour is written as a deny too).
Check probe(const Client& client, const std::string& bin_dir, bool post, const std::string& payload, const std::string& name,
            const std::string& rule) {
  ProcessResult r = run_hook(client, bin_dir, post, payload);
  bool ok = r.exit_code == 0 && r.out.find("[" + rule + "]") != std::string::npos && (post || r.out.find("pgguard deny") != std::string::npos);
  std::string hook = post ? "after-tool" : "before-tool";
  return {name, ok, ok ? std::string(post ? "reported" : "denied") + " by " + rule
                       : "the " + hook + " hook did not answer " + std::string(client.label) + " as expected: " + shorten(r.out + r.err, 200)};
}

}  // namespace

std::vector<Check> self_tests(const Client& client, const std::string& project, const std::string& bin_dir) {
  const Probes& p = probes().at(client.name);
  std::vector<Check> checks;
  checks.push_back(probe(client, bin_dir, false, filled(p.shell, project, ""), "self-test: DROP TABLE is denied", "sql-destructive"));
  checks.push_back(probe(client, bin_dir, false, filled(p.mcp, project, ""), "self-test: DROP TABLE through an MCP tool is denied", "sql-destructive"));
  if (!p.written || !client.encode_post) return checks;

  std::string dir = make_temp_directory("pgguard-doctor");
  std::string migrations = dir + "/db/migrations";
  ::mkdir((dir + "/db").c_str(), 0755);
  ::mkdir(migrations.c_str(), 0755);
  std::ofstream(migrations + "/001_init.sql") << "CREATE TABLE orders (id uuid PRIMARY KEY, status text);\n";
  std::ofstream(migrations + "/002_index.sql") << "CREATE INDEX idx_orders_status ON orders (status);\n";
  checks.push_back(probe(client, bin_dir, true, filled(p.written, dir, migrations + "/002_index.sql"), "self-test: a bad migration is reported",
                         "create-index-non-concurrent"));
  remove_tree(dir);
  return checks;
}

}  // namespace pgguard::setup
