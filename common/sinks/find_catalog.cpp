// Database and migration CLIs judged by the catalog (config/cli_catalog.json).
#include <algorithm>

#include "sinks/finder.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::sinks::finder {

Stream Finder::run_catalog_tool(const CliTool& tool, const std::string& program, Exec& exec, Scope& scope) {
  std::vector<std::string> args;
  for (size_t i = 1; i < exec.args.size(); ++i) args.push_back(exec.args[i].text.value_or(exec.args[i].source));
  const CliSubcommand* sub = ctx_.catalog().match(tool, args);
  // What it prints is SQL whose shape is known: piped into psql, it is judged as that SQL.
  if (sub && !sub->output_shape.empty()) return Stream::opaque("output of " + display(exec.args), sub->output_shape);
  if (!sub || sub->cls == CliClass::Safe) return produce(program, exec, scope);
  if (sub->psql_session && exec.input.kind != Stream::Kind::None) {  // gcloud sql connect db <<< 'SQL'
    Exec session = exec;
    session.signals.push_back({TargetSignal::Kind::RemoteHost, tool.name + " database", display(exec.args)});
    session.args = {{std::string("psql"), "psql", "psql"}};
    return run_psql(display(exec.args), session, scope);
  }
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    size_t eq = arg.find('=');
    bool env_argument = eq != std::string::npos && eq > 0 && std::isupper(static_cast<unsigned char>(arg[0])) &&
                        std::all_of(arg.begin(), arg.begin() + static_cast<long>(eq), [](char c) {
                          return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
                        });
    if (env_argument) exec.env[arg.substr(0, eq)] = arg.substr(eq + 1);  // rake db:migrate RAILS_ENV=production
    if (arg == "--env-file" && i + 1 < args.size()) load_dotenv(args[i + 1], exec, scope);
    if (starts_with(arg, "--env-file=")) load_dotenv(arg.substr(11), exec, scope);
  }
  add_project_dotenv(exec, scope);
  std::vector<TargetSignal> signals = target_signals(exec, scope);
  std::vector<std::string> positionals = CliCatalog::positionals(tool, args);
  const auto& drivers = tool.driver_positionals;
  if (positionals.size() >= 2 && std::find(drivers.begin(), drivers.end(), positionals[0]) != drivers.end())
    signals.push_back({TargetSignal::Kind::Connection, tool.name + " database argument", positionals[1], "database"});
  if (tool.database_positional && !positionals.empty())
    signals.push_back({TargetSignal::Kind::Connection, tool.name + " database argument", positionals[0], "database"});
  for (const auto& value : CliCatalog::flag_values(args, tool.env_flags, tool.value_flags))
    signals.push_back({TargetSignal::Kind::EnvironmentName, tool.name + " environment flag", value});
  for (const auto& flag : tool.url_flags) {
    static const std::set<std::string, std::less<>> kHost = {"-h", "--host", "-H"}, kDatabase = {"-d", "--dbname", "--database", "--maintenance-db"};
    std::string part = kHost.count(flag) ? "host" : kDatabase.count(flag) ? "database" : "";
    for (const auto& value : CliCatalog::flag_values(args, {flag}, tool.value_flags))
      signals.push_back({TargetSignal::Kind::Connection, tool.name + " " + flag, value, part});
  }
  bool local = std::any_of(tool.local_flags.begin(), tool.local_flags.end(),
                           [&](const std::string& f) { return CliCatalog::flag_present(args, f); });
  if (sub->remote && !local) signals.push_back({TargetSignal::Kind::EnvironmentName, tool.name + " linked remote project", "production"});
  report_.clis.push_back({tool.name, display(exec.args), *sub, signals});
  note_scratch_call(*sub, positionals, report_.clis.back(), scope);
  add_cli_sql(tool, *sub, args, exec, scope, signals);
  return produce(program, exec, scope);
}

// SQL a CLI runs itself (prisma db execute --file x.sql, typeorm query "..."): judged like psql's.
void Finder::add_cli_sql(const CliTool& tool, const CliSubcommand& sub, const std::vector<std::string>& args, Exec& exec, Scope& scope, const std::vector<TargetSignal>& signals) {
  auto push = [&](const std::string& via, MaybeText sql, const std::string& why) {
    SqlSink sink;
    sink.via = via;
    sink.sql = sql;
    if (!sql) sink.opaque_reason = why;
    sink.target = signals;
    report_.sql.push_back(std::move(sink));
  };
  for (const auto& v : CliCatalog::flag_values(args, sub.sql_flags, tool.value_flags)) push(tool.name + " SQL argument", v, "");
  for (const auto& f : CliCatalog::flag_values(args, sub.sql_file_flags, tool.value_flags))
    push(tool.name + " " + f, read_file(f, scope), "the file " + f + " cannot be read");
  for (const auto& flag : sub.sql_stdin_flags)
    if (CliCatalog::flag_present(args, flag))
      push(tool.name + " standard input", exec.input.kind == Stream::Kind::Literal ? MaybeText(exec.input.text) : std::nullopt,
           "its standard input cannot be read");
  if (sub.sql_positional) {
    auto positionals = CliCatalog::positionals(tool, args);
    if (positionals.size() > sub.args.size()) push(tool.name + " SQL argument", positionals[sub.args.size()], "");
  }
}

}  // namespace pgguard::sinks::finder
