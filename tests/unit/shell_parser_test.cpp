#include <catch2/catch.hpp>

#include "shell/expand.h"
#include "shell/parser.h"

using namespace pgguard::shell;

namespace {

const Command& first_command(const ParseResult& r) { return r.script->lists.at(0).pipelines.at(0).commands.at(0); }

// The literal text of a word, or "<opaque>" when it has expansions.
std::string literal(const Word& w) {
  std::string out;
  for (const auto& p : w.parts) {
    if (p.kind != WordPart::Kind::Literal) return "<opaque>";
    out += p.text;
  }
  return out;
}

}  // namespace

TEST_CASE("quoting: single, double, ANSI-C, backslashes and concatenation", "[shell]") {
  auto r = parse(R"(psql -c "DR""OP TABLE t" 'a b'\ c $'\x44ROP\n' $'\104')");
  REQUIRE(r.error.empty());
  const auto& words = first_command(r).words;
  REQUIRE(words.size() == 6);
  CHECK(literal(words[2]) == "DROP TABLE t");
  CHECK(literal(words[3]) == "a b c");
  CHECK(literal(words[4]) == "DROP\n");
  CHECK(literal(words[5]) == "D");
}

TEST_CASE("lists, pipelines and background jobs", "[shell]") {
  auto r = parse("a && b || c; d | e |& f & g\nh");
  REQUIRE(r.error.empty());
  REQUIRE(r.script->lists.size() == 4);
  CHECK(r.script->lists[0].pipelines.size() == 3);
  CHECK(r.script->lists[1].pipelines[0].commands.size() == 3);
  CHECK(r.script->lists[1].background);
}

TEST_CASE("heredocs: quoted, unquoted, tab-stripped, several on one line", "[shell]") {
  auto r = parse("cat <<'A' <<-B\n$x\nA\n\tline\n\tB\necho done");
  REQUIRE(r.error.empty());
  const auto& cmd = first_command(r);
  REQUIRE(cmd.redirects.size() == 2);
  CHECK(cmd.redirects[0].heredoc->text == "$x\n");
  CHECK_FALSE(cmd.redirects[0].heredoc->expands);
  CHECK(cmd.redirects[1].heredoc->text == "line\n");
  CHECK(cmd.redirects[1].heredoc->expands);
  CHECK(r.script->lists.size() == 2);
}

TEST_CASE("expansions are parts, substitutions are parsed recursively", "[shell]") {
  auto r = parse("psql -c \"$(cat x.sql)\" `echo hi` ${SQL:-select} <(echo a)");
  REQUIRE(r.error.empty());
  const auto& words = first_command(r).words;
  CHECK(words[2].parts[0].kind == WordPart::Kind::CommandSubstitution);
  CHECK(words[2].parts[0].script->lists.size() == 1);
  CHECK(words[3].parts[0].kind == WordPart::Kind::CommandSubstitution);
  CHECK(words[4].parts[0].op == ":-");
  CHECK(words[4].parts[0].arg == "select");
  CHECK(words[5].parts[0].kind == WordPart::Kind::ProcessSubstitution);
}

TEST_CASE("assignments, redirections and comments", "[shell]") {
  auto r = parse("A=1 B='x y' cmd arg 2>&1 >out.txt < in.sql # DROP TABLE t");
  REQUIRE(r.error.empty());
  const auto& cmd = first_command(r);
  REQUIRE(cmd.assignments.size() == 2);
  CHECK(cmd.assignments[1].name == "B");
  CHECK(literal(cmd.assignments[1].value) == "x y");
  CHECK(cmd.words.size() == 2);
  REQUIRE(cmd.redirects.size() == 3);
  CHECK(cmd.redirects[0].fd == 2);
  CHECK(cmd.redirects[0].op == ">&");
}

TEST_CASE("compound commands: if, for, while, case, functions, groups, subshells", "[shell]") {
  auto r = parse(
      "if true; then a; elif b; then c; else d; fi\n"
      "for t in users orders; do psql -c \"DROP TABLE $t\"; done\n"
      "while read l; do e; done < f\n"
      "case $x in a|b) f;; *) g;; esac\n"
      "wipe() { psql -c 'TRUNCATE t'; }; wipe\n"
      "{ a; b; } && (c; d)");
  REQUIRE(r.error.empty());
  REQUIRE(r.script->lists.size() == 7);
  CHECK(first_command(r).kind == Command::Kind::If);
  CHECK(first_command(r).bodies.size() == 5);
  const auto& loop = r.script->lists[1].pipelines[0].commands[0];
  CHECK(loop.kind == Command::Kind::For);
  CHECK(loop.name == "t");
  CHECK(loop.loop_values.size() == 2);
  CHECK(r.script->lists[2].pipelines[0].commands[0].redirects.size() == 1);
  CHECK(r.script->lists[3].pipelines[0].commands[0].bodies.size() == 2);
  CHECK(r.script->lists[4].pipelines[0].commands[0].kind == Command::Kind::FunctionDefinition);
  CHECK(r.script->lists[6].pipelines[0].commands[0].kind == Command::Kind::Group);
  CHECK(r.script->lists[6].pipelines[1].commands[0].kind == Command::Kind::Subshell);
}

TEST_CASE("syntax errors are reported, never thrown", "[shell]") {
  for (const char* bad : {"echo 'open", "echo \"open", "psql -c $(echo", "( a", "a && ", "cat <", "${x", "`x"}) {
    auto r = parse(bad);
    CHECK_FALSE(r.error.empty());
    CHECK(r.script != nullptr);
  }
}

TEST_CASE("inputs found by fuzzing end in an error, not a loop", "[shell]") {
  for (const char* input : {"pg_conf ig-URNING id) SELECT c-bindir", "a )", "case x in ;; esac", "for x in a (b); do c; done",
                            "arr=(a ; b)", ")"}) {
    INFO(input);
    auto r = parse(input);
    CHECK_FALSE(r.error.empty());
  }
}

TEST_CASE("nesting is bounded", "[shell]") {
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += "$(";
  auto r = parse(deep);
  CHECK_FALSE(r.error.empty());
}

TEST_CASE("brace expansion: lists, sequences, nesting and quoting as in bash", "[shell]") {
  auto words_of = [](const std::string& source) {
    std::vector<std::string> out;
    auto parsed = parse(source);
    for (const auto& w : first_command(parsed).words) out.push_back(literal(w));
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(words_of("echo 'DROP TABLE '{users,orders}\\;") == V{"echo", "DROP TABLE users;", "DROP TABLE orders;"});
  CHECK(words_of("echo t_{1..3} {c..a} {08..10} {1..7..3}") == V{"echo", "t_1", "t_2", "t_3", "c", "b", "a", "08", "09", "10", "1", "4", "7"});
  CHECK(words_of("echo {a,{b,c}}_log x{a{b,c}") == V{"echo", "a_log", "b_log", "c_log", "x{ab", "x{ac"});
  CHECK(words_of("echo -c{'DROP TABLE users',}") == V{"echo", "-cDROP TABLE users", "-c"});
  // Quoted braces, a single item and ${...} are no brace expressions.
  CHECK(words_of("echo \"{a,b}\" '{a,b}' {a} {} ${x}{a..b}") == V{"echo", "{a,b}", "{a,b}", "{a}", "{}", "<opaque>", "<opaque>"});
  // More words than the guard follows: one word of unknown value.
  auto parsed = parse("echo {1..100000}");
  const auto& big = first_command(parsed).words;
  REQUIRE(big.size() == 2);
  CHECK(big[1].parts.at(0).kind == WordPart::Kind::Unexpanded);
  // Bounds past 10^15 (a fuzzer's {1..886954..1006077777777777777777777}) are no sequence.
  CHECK(words_of("echo {1..9223372036854775807} {-9223372036854775807..0..3}") ==
        V{"echo", "{1..9223372036854775807}", "{-9223372036854775807..0..3}"});
  auto loop = parse("for i in {a,b}; do :; done");
  CHECK(first_command(loop).loop_values.size() == 2);
}

TEST_CASE("field splitting on IFS as in bash", "[shell]") {
  using V = std::vector<std::string>;
  CHECK(split_fields("  a b\t c\n", " \t\n") == V{"a", "b", "c"});
  CHECK(split_fields("psql,-c,DROP TABLE t", ",") == V{"psql", "-c", "DROP TABLE t"});
  CHECK(split_fields("a,,b,", ",") == V{"a", "", "b"});
  CHECK(split_fields(" a , b ", ", ") == V{"a", "b"});
  CHECK(split_fields("a b", "") == V{"a b"});
  CHECK(split_fields("", ",").empty());
}
