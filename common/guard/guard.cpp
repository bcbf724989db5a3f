#include "guard/guard.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <fstream>

#include "guard/facts.h"
#include "shell/files_run.h"
#include "shell/parser.h"
#include "sinks/cluster.h"
#include "sinks/find.h"
#include "sinks/runs_files.h"
#include "util/embedded.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard {
namespace {

// A trailing --confirm, read from the text before it is parsed.
Confirmation confirmation_flag(const std::string& command) {
  Confirmation c;
  std::string trimmed = trim(command);
  if (ends_with(trimmed, " --confirm")) {
    c.confirmed = true;
    c.why = "--confirm";
    c.command_without_flag = trim(trimmed.substr(0, trimmed.size() - 10));
  }
  return c;
}

// PGGUARD_CONFIRM=reason as an assignment in the parsed command.
void find_confirm_assignment(const shell::Script& script, Confirmation& c) {
  for (const auto& list : script.lists)
    for (const auto& pipeline : list.pipelines)
      for (const auto& cmd : pipeline.commands)
        for (const auto& assignment : cmd.assignments)
          if (assignment.name == "PGGUARD_CONFIRM") {
            c.confirmed = true;
            c.why = assignment.value.source.empty() ? "(no reason given)" : assignment.value.source;
          }
}

const std::vector<std::string>& prefilter_needles() {
  static const std::vector<std::string> needles = [] {
    std::vector<std::string> out;
    std::string_view json = embedded_file("policy.json");
    rapidjson::Document policy;
    if (policy.Parse(json.data(), json.size()).HasParseError() || !policy.IsObject()) return out;
    auto list = policy.FindMember("prefilter");
    if (list == policy.MemberEnd() || !list->value.IsArray()) return out;
    for (const auto& item : list->value.GetArray())
      if (item.IsString()) out.emplace_back(item.GetString(), item.GetStringLength());
    return out;
  }();
  return needles;
}

// The first bytes of a file the command runs: enough for the needles of a script or a recipe file.
std::string file_head(const std::string& path) {
  constexpr size_t kHeadBytes = 64 * 1024;
  std::ifstream in(path, std::ios::binary);
  std::string head(kHeadBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(kHeadBytes));
  head.resize(static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return head;
}

}  // namespace

bool mentions_database(std::string_view command) {
  const auto& needles = prefilter_needles();
  std::string folded;
  folded.reserve(command.size());
  for (char c : command)
    if (c != '\'' && c != '"') folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string unescaped;  // `ps\ql` reaches bash as psql
  for (size_t i = 0; i < folded.size(); ++i)
    if (!(folded[i] == '\\' && i + 1 < folded.size() && std::isalnum(static_cast<unsigned char>(folded[i + 1])))) unescaped += folded[i];
  return std::any_of(needles.begin(), needles.end(), [&](const std::string& needle) {
    return folded.find(needle) != std::string::npos || unescaped.find(needle) != std::string::npos;
  });
}

bool mentions_database(std::string_view command, const std::string& cwd) {
  if (mentions_database(command)) return true;
  if (cwd.empty()) return false;
  if (sinks::may_remove_data_directory(command, cwd)) return true;
  auto runs_files = [](std::string_view program) { return sinks::runs_files(program); };
  shell::FilesRun run = shell::files_run(command, runs_files);
  std::vector<std::string> files = run.files;
  for (const auto& program : run.programs)
    for (const auto& recipe : sinks::recipe_files(program)) files.push_back(recipe);
  std::vector<std::string> directories{cwd};
  for (const auto& dir : run.directories) directories.push_back(resolve_path(cwd, dir));
  for (const auto& file : files)
    for (const auto& dir : directories) {
      std::string path = resolve_path(dir, file);
      if (is_regular_file(path) && mentions_database(file_head(path))) return true;
    }
  return false;
}

const sinks::CliCatalog& builtin_catalog() {
  static const sinks::CliCatalog catalog = sinks::CliCatalog::load(embedded_file("cli_catalog.json"));
  return catalog;
}

Analysis analyse_command(const GuardRequest& request, const Policy& policy) {
  Analysis analysis;
  try {
    if (request.command.size() > policy.limits.max_command_bytes) {
      analysis.decision = guard_error_decision("the command is " + std::to_string(request.command.size()) + " bytes, over the " +
                                                   std::to_string(policy.limits.max_command_bytes) + "-byte limit the guard analyses",
                                               policy);
      return analysis;
    }
    if (!request.mentions_database && !mentions_database(request.command, request.cwd)) {
      analysis.prefiltered = true;
      return analysis;
    }
    Budget budget{std::chrono::milliseconds(policy.limits.budget_ms)};
    Confirmation confirmation = confirmation_flag(request.command);
    analysis.analysed_command = confirmation.command_without_flag.empty() ? request.command : confirmation.command_without_flag;
    shell::ParseResult parsed = shell::parse(analysis.analysed_command);
    if (!confirmation.confirmed) find_confirm_assignment(*parsed.script, confirmation);

    sinks::FindContext context;
    context.cwd = request.cwd;
    context.env = request.env;
    context.catalog = builtin_catalog;
    context.budget = &budget;
    context.connection_variables = policy.connection_variables;
    context.environment_variables = policy.environment_variables;
    context.direct_variables = policy.pooler_detection.direct_variables;
    context.max_file_bytes = policy.limits.max_file_bytes;
    context.max_depth = policy.limits.max_depth;
    analysis.report = std::make_unique<sinks::Report>(sinks::find(parsed, analysis.analysed_command, context));
    analysis.facts = gather(*analysis.report, policy, budget, request.cwd);
    analysis.decision = decide(analysis.facts, policy, confirmation, {request.cwd, request.project_dir, request.now});
  } catch (const std::exception& e) {
    analysis.decision = guard_error_decision(std::string("internal error: ") + e.what(), policy);
  } catch (...) {
    analysis.decision = guard_error_decision("internal error", policy);
  }
  return analysis;
}

Decision check_command(const GuardRequest& request, const Policy& policy) { return analyse_command(request, policy).decision; }

}  // namespace pgguard
