#include <malloc.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/cli.h"
#include "lint/discover.h"
#include "lint/linter.h"
#include "lint/project.h"
#include "lint/report.h"
#include "util/environment.h"
#include "util/files.h"
#include "util/git.h"
#include "server/servers.h"
#include "server/syntax.h"

namespace pgguard::cli {

int lint(const std::vector<std::string>& args) {
  using namespace pgguard::lint;
  // Every file's parse trees are freed before the next file's are built: with glibc's defaults
  // each of those frees handed the top of the heap back to the kernel (brk, munmap, TLB flushes:
  // a tenth of a run over many files), only to ask for it again at once.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  std::string cwd = current_directory();
  std::vector<std::string> paths;
  Format format = Format::Text;
  Severity fail_on = Severity::Error;
  std::string config;
  std::vector<std::pair<std::string, std::string>> rule_settings;
  std::vector<std::string> schemas;
  std::string stats_file;
  int pg_version = 0;
  int jobs = 0;
  std::optional<Tool> tool;
  bool history = true;
  bool changed_only = false;
  bool server_parser = false;
  std::string base;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) { return option_value(args, i, name); };
    if (auto v = value("format")) {
      if (!parse_format(*v, format)) return usage_error("unknown --format '" + *v + "'");
    } else if (auto v = value("fail-on")) {
      try {
        fail_on = parse_severity(*v);
      } catch (const std::exception& e) {
        return usage_error(e.what());
      }
    } else if (auto v = value("pg-version")) {
      try {
        pg_version = std::stoi(*v);
      } catch (...) {
        return usage_error("--pg-version takes a major version number");
      }
    } else if (auto v = value("jobs")) {
      try {
        jobs = std::stoi(*v);
      } catch (...) {
        jobs = -1;
      }
      if (jobs < 1 || jobs > 1024) return usage_error("--jobs takes a number of threads from 1 to 1024");
    } else if (auto v = value("tool")) {
      tool = parse_tool(*v);
      if (!tool) return usage_error("unknown --tool '" + *v + "'");
    } else if (auto v = value("schema")) {
      schemas.push_back(*v);
    } else if (auto v = value("stats")) {
      stats_file = *v;
    } else if (auto v = value("config")) {
      config = *v;
    } else if (auto v = value("enable")) {
      rule_settings.push_back({*v, "on"});
    } else if (auto v = value("disable")) {
      rule_settings.push_back({*v, "off"});
    } else if (auto v = value("base")) {
      base = *v;
      changed_only = true;
    } else if (a == "--changed") {
      changed_only = true;
    } else if (a == "--no-history") {
      history = false;
    } else if (a == "--server") {
      server_parser = true;
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("unknown lint option '" + a + "'");
    } else {
      paths.push_back(a);
    }
  }
  std::string start = config.empty() ? cwd : config.substr(0, config.find_last_of('/') == std::string::npos ? 0 : config.find_last_of('/'));
  if (start.empty()) start = cwd;
  LintProject project = load_lint_project(start);
  for (const auto& note : project.notes) std::cerr << "pgguard: " << note << "\n";
  LintOptions options = project.options;
  try {
    for (const auto& [rule, setting] : rule_settings) apply_rule_setting(options, rule, setting);
    if (!stats_file.empty()) {
      auto text = read_file_bounded(stats_file, 16 << 20);
      if (!text) return usage_error("cannot read --stats " + stats_file);
      options.stats = parse_stats(*text);
    }
  } catch (const std::exception& e) {
    return usage_error(e.what());
  }
  for (const auto& s : schemas) {
    if (!is_regular_file(s)) return usage_error("cannot read --schema " + s);
    options.schema_files.push_back(s);
  }
  if (pg_version) options.settings.pg_version = pg_version;
  if (tool) options.tool = tool;
  options.jobs = static_cast<unsigned>(jobs);
  options.replay_history = history;
  std::shared_ptr<server::SyntaxChecker> checker;
  if (server_parser) {
    try {
      server::find_server_bin_dir(options.settings.pg_version);
    } catch (const server::ServerError& e) {
      return usage_error(std::string("--server: ") + e.what());
    }
    checker = std::make_shared<server::SyntaxChecker>(options.settings.pg_version);
    options.server_syntax_error = [checker](const std::string& statement) { return checker->syntax_error(statement); };
  }

  LintPaths given = command_migrations(paths, cwd, project.root, project.migration_globs);
  if (!given.error.empty()) {
    std::cerr << "pgguard: " << given.error << "\n";
    return 2;
  }
  std::vector<std::string> files = std::move(given.files);
  if (files.empty()) std::cerr << "pgguard: no migrations under " << project.root << " (looked for " << layout_summary() << ")\n";
  size_t found = files.size();
  if (changed_only) {
    GitChanges changes = git_changed_since(project.root, base);
    if (!changes.error.empty()) {
      std::cerr << "pgguard: --changed: " << changes.error << "\n";
      return 2;
    }
    std::erase_if(files, [&](const std::string& f) { return !changes.files.count(resolve_path(cwd, f)); });
  }
  bool colour = format == Format::Text && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
  ReportWriter report(std::cout, format, colour);
  size_t errors = 0, warnings = 0;
  bool failed = false;
  lint_files(files, options, [&](LintResult&& result) {
    for (const auto& f : result.findings) {
      if (f.severity == Severity::Error) ++errors;
      if (f.severity == Severity::Warning) ++warnings;
      failed = failed || f.severity >= fail_on;
    }
    report.add(result.findings);
  });
  report.finish();
  {  // on stderr, so that it never mixes with a JSON or SARIF report
    std::cerr << files.size() << " migration file(s) linted";
    if (changed_only) std::cerr << " (added or changed of " << found << "; the others replayed as history)";
    std::cerr << ", " << errors << " error(s), " << warnings << " warning(s)\n";
  }
  return failed ? 1 : 0;
}

}  // namespace pgguard::cli
