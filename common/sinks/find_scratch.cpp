// Scratch databases: one the command creates with a name that marks it test/dev/tmp, one created
// earlier in the same command (later DDL, writes and the drop happen in the command's own
// database), and a migration tool's dev command against a local server. The guard's facts leave
// their findings out unless the target is production.
#include <algorithm>
#include <optional>

#include "sinks/cluster.h"
#include "sinks/finder.h"
#include "util/text.h"

namespace pgguard::sinks::finder {
namespace {

// The server and databases a call's connection signals name. `known` is false when a signal
// says something the guard cannot place (a URL it cannot read, a remote it cannot compare).
struct Endpoint {
  std::string host;  // "" for the default server; a container or ssh host is part of it
  std::vector<std::string> databases;
  bool connection = false;
  bool known = true;
};

std::string conninfo_value(const std::string& text, const std::string& key) {
  for (const auto& word : split_words(text))
    if (starts_with(word, key + "=")) return word.substr(key.size() + 1);
  return "";
}

Endpoint endpoint_of(const std::vector<TargetSignal>& signals) {
  Endpoint e;
  std::string remote;
  for (const auto& s : signals) {
    if (s.kind == TargetSignal::Kind::RemoteHost) remote += s.value + "|";
    if (s.kind != TargetSignal::Kind::Connection) continue;
    e.connection = true;
    const std::string& v = s.value;
    if (v.find("service=") != std::string::npos) e.known = false;  // the server is in a service file
    if (size_t scheme = v.find("://"); scheme != std::string::npos) {
      std::string rest = v.substr(scheme + 3);
      std::string authority = rest.substr(0, rest.find_first_of("/?"));
      if (size_t at = authority.rfind('@'); at != std::string::npos) authority = authority.substr(at + 1);
      e.host = authority.substr(0, authority[0] == '[' ? authority.find(']') + 1 : authority.find(':'));
      size_t slash = rest.find('/');
      if (slash != std::string::npos) e.databases.push_back(rest.substr(slash + 1, rest.find('?', slash) - slash - 1));
    } else if (v.find('=') != std::string::npos) {
      if (auto host = conninfo_value(v, "host"); !host.empty()) e.host = host;
      if (auto db = conninfo_value(v, "dbname"); !db.empty()) e.databases.push_back(db);
    } else if (s.part == "host") {
      e.host = v;
    } else if (s.part == "database") {
      e.databases.push_back(v);
    } else {
      e.known = false;
    }
  }
  if (!e.host.empty() && ClusterCatalog::builtin().local_host(e.host)) e.host.clear();
  e.host = remote + e.host;
  return e;
}

// The database a CREATE DATABASE creates, when it is the whole SQL text: one plain statement, no
// comment, quote or second statement that could make it something else.
std::optional<std::string> created_in(const std::string& sql) {
  if (!contains_ci(sql, "database")) return std::nullopt;  // most SQL: no regex compiled
  static const RE2 create(R"re((?is)\s*CREATE\s+DATABASE\s+"?([A-Za-z_][A-Za-z0-9_$]*)"?(?:\s+[^;'"$\\/-]*)?;?\s*)re");
  std::string name;
  if (!RE2::FullMatch(sql, create, &name)) return std::nullopt;
  return name;
}

}  // namespace

std::string Finder::created_earlier(const std::vector<TargetSignal>& target, std::vector<std::string>* same_server) const {
  Endpoint e = endpoint_of(target);
  if (!e.known) return "";
  for (const auto& c : created_)
    if (c.host == e.host && same_server) same_server->push_back(c.name);
  if (e.databases.empty()) return "";
  for (const auto& db : e.databases)
    if (std::none_of(created_.begin(), created_.end(), [&](const CreatedDatabase& c) { return c.name == db && c.host == e.host; })) return "";
  return "database " + join(e.databases, ", ") + " was created earlier in this command";
}

void Finder::note_scratch_sql(SqlSink& sink) {
  sink.scratch = created_earlier(sink.target, &sink.scratch_databases);
  if (!sink.scratch.empty()) report_.trail.push_back("scratch database (" + sink.via + "): " + sink.scratch);
  if (!sink.sql || sink.partial) return;
  Endpoint e = endpoint_of(sink.target);
  if (!e.known) return;
  if (auto name = created_in(*sink.sql)) created_.push_back({std::move(*name), e.host});
}

void Finder::note_scratch_call(const CliSubcommand& sub, const std::vector<std::string>& positionals, CliCall& call, Scope& scope) {
  judge_scratch_call(sub, positionals, call, scope);
  if (!call.scratch.empty()) report_.trail.push_back("scratch database (" + shorten(call.command, 80) + "): " + call.scratch);
}

void Finder::judge_scratch_call(const CliSubcommand& sub, const std::vector<std::string>& positionals, CliCall& call, Scope& scope) {
  const ClusterCatalog& catalog = ClusterCatalog::builtin();
  Endpoint e = endpoint_of(call.target);
  if (sub.creates_database && !positionals.empty() && e.known) {
    const std::string& name = positionals.front();
    if (RE2::PartialMatch(name, *catalog.scratch_name))
      call.scratch = "`" + name + "` is named like a scratch database and is created empty";
    created_.push_back({name, e.host});
    return;
  }
  call.scratch = created_earlier(call.target, nullptr);
  if (!call.scratch.empty() || !sub.local_scratch || !e.known || !e.connection) return;
  bool local = e.host.empty();
  if (!local) {  // a compose service of the project that runs postgres: postgres://db:5432/app
    ComposeOptions options;
    options.compose = true;
    Exec none;
    for (const auto& data : compose_postgres_data(options, none, scope)) local = local || data.service == e.host;
  }
  if (local) call.scratch = "it runs against a database on this machine (" + (e.host.empty() ? std::string("localhost") : e.host) + ")";
}

}  // namespace pgguard::sinks::finder
