#include <catch2/catch.hpp>

#include "sinks/psql_input.h"

using namespace pgguard::sinks;

namespace {

PsqlInputContext context_with(std::map<std::string, std::string> files) {
  PsqlInputContext context;
  context.cwd = "/p";
  context.read_file = [files](const std::string& path) -> std::optional<std::string> {
    auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  return context;
}

bool has_event(const PsqlInput& in, PsqlEvent::Kind kind) {
  for (const auto& e : in.events)
    if (e.kind == kind) return true;
  return false;
}

}  // namespace

TEST_CASE("meta-commands are removed from the SQL; shell escapes are events", "[psql]") {
  auto context = context_with({});
  auto in = read_psql_input("\\timing on\nSELECT 1;\n\\! rm -rf /tmp/x\n", context);
  CHECK(in.sql.find("SELECT 1;") != std::string::npos);
  CHECK(in.sql.find("rm -rf") == std::string::npos);
  CHECK(has_event(in, PsqlEvent::Kind::ShellEscape));
}

TEST_CASE("\\copy program, \\o | and backquotes are shell escapes; \\copy from a file is a write", "[psql]") {
  auto context = context_with({});
  CHECK(has_event(read_psql_input("\\copy t to program 'gzip > x.gz'\n", context), PsqlEvent::Kind::ShellEscape));
  CHECK(has_event(read_psql_input("\\o | mail x\n", context), PsqlEvent::Kind::ShellEscape));
  CHECK(has_event(read_psql_input("\\set x `id`\n", context), PsqlEvent::Kind::ShellEscape));
  CHECK_FALSE(has_event(read_psql_input("\\o out.txt\n", context), PsqlEvent::Kind::ShellEscape));
  CHECK(read_psql_input("\\copy users from 'u.csv' csv\n", context).sql.find("COPY users FROM STDIN") != std::string::npos);
}

TEST_CASE("\\gexec is opaque", "[psql]") {
  auto context = context_with({});
  CHECK(has_event(read_psql_input("SELECT format('DROP TABLE %I', t) FROM x \\gexec\n", context), PsqlEvent::Kind::Opaque));
}

TEST_CASE("variables interpolate; quoted strings, comments and casts are left alone", "[psql]") {
  auto context = context_with({});
  context.variables["tbl"] = "users";
  auto in = read_psql_input("\\set col name\nDROP TABLE :tbl; SELECT :'col', ':tbl', 1::int; -- :tbl\n", context);
  CHECK(in.sql.find("DROP TABLE users;") != std::string::npos);
  CHECK(in.sql.find("'name'") != std::string::npos);
  CHECK(in.sql.find("':tbl'") != std::string::npos);
  CHECK(in.sql.find("1::int") != std::string::npos);
}

TEST_CASE("\\i follows files; \\ir is relative to the including file; missing files are opaque", "[psql]") {
  auto context = context_with({{"/p/a.sql", "\\ir sub/b.sql\n"}, {"/p/sub/b.sql", "DELETE FROM sessions;\n"}});
  auto in = read_psql_input("\\i a.sql\n", context);
  CHECK(in.sql.find("DELETE FROM sessions;") != std::string::npos);
  CHECK(has_event(read_psql_input("\\i missing.sql\n", context), PsqlEvent::Kind::Opaque));
}

TEST_CASE("self-including files stop at the depth bound", "[psql]") {
  auto context = context_with({{"/p/loop.sql", "\\i loop.sql\n"}});
  auto in = read_psql_input("\\i loop.sql\n", context);
  CHECK(has_event(in, PsqlEvent::Kind::Opaque));
}
