#include "lint/parse.h"


#include <algorithm>
#include <cctype>
#include <exception>
#include <set>
#include <thread>

#include "lint/schema.h"
#include "pg/libpg_query.h"
#include "pg/mysqlisms.h"
#include "pg/split.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

constexpr size_t kWholeSectionBytes = 256u << 10;
// Below this many statements a section is parsed on one thread: starting threads costs more.
constexpr size_t kStatementsPerThread = 2048;

// The offset of the first token at or after `pos` (skipping blanks and comments).
size_t first_token(const std::string& text, size_t pos, size_t end) {
  while (pos < end) {
    if (std::isspace(static_cast<unsigned char>(text[pos]))) {
      ++pos;
    } else if (text.compare(pos, 2, "--") == 0) {
      size_t eol = text.find('\n', pos);
      pos = eol == std::string::npos ? end : eol + 1;
    } else if (text.compare(pos, 2, "/*") == 0) {
      size_t close = text.find("*/", pos + 2);
      pos = close == std::string::npos ? end : close + 2;
    } else {
      break;
    }
  }
  return std::min(pos, end);
}

// The functions `tree` calls, by unqualified name: f() anywhere in it, and CALL p().
void add_calls(const Node& tree, std::set<std::string>& calls) {
  tree.walk([&](const Node& node) {
    for (const Node& call : {node["FuncCall"], node["CallStmt"]["funccall"]})
      if (std::vector<Node> name = call["funcname"].list(); !name.empty()) calls.insert(name.back().sval());
  });
}

// One statement parsed alone: its tree, or libpg_query's error.
struct RangeParse {
  bool parsed = false;  // false: its slice stopped before it
  Node root;            // invalid when the statement does not parse
  std::string error;
  int cursor = 0;
};

RangeParse parse_range(const std::string& sql, std::pair<size_t, size_t> range, pg::Tree& arena) {
  RangeParse out;
  out.parsed = true;
  pg::ParseResult one(sql.substr(range.first, range.second - range.first));
  if (one.ok()) {
    out.root = arena.parse(one.json());
  } else {
    out.error = one.error();
    out.cursor = one.cursor();
  }
  return out;
}

// Parses `ranges` of `sql` each alone, on up to `threads` threads for a large section (trees do not
// depend on each other, and libpg_query keeps its state per thread); each thread's trees go into
// its own arena, adopted by `trees` at the end. A slice stops at its first statement that does not
// parse alone: the section may still parse whole (the scanner splits a BEGIN ATOMIC body or a
// rule's actions at their semicolons), and then the statements after it are not needed.
std::vector<RangeParse> parse_ranges(const std::string& sql, const std::vector<std::pair<size_t, size_t>>& ranges, unsigned threads,
                                     pg::Tree& trees) {
  std::vector<RangeParse> out(ranges.size());
  size_t slices = std::max<size_t>(1, std::min<size_t>(threads, ranges.size() / kStatementsPerThread));
  std::vector<std::unique_ptr<pg::Tree>> arenas(slices);
  std::vector<std::exception_ptr> errors(slices);
  auto parse_slice = [&](size_t slice) {
    try {
      arenas[slice] = std::make_unique<pg::Tree>();
      for (size_t k = ranges.size() * slice / slices, end = ranges.size() * (slice + 1) / slices; k < end; ++k) {
        out[k] = parse_range(sql, ranges[k], *arenas[slice]);
        if (!out[k].root) break;
      }
    } catch (...) {
      errors[slice] = std::current_exception();
    }
  };
  std::vector<std::thread> helpers;
  for (size_t slice = 1; slice < slices; ++slice) helpers.emplace_back(parse_slice, slice);
  parse_slice(0);
  for (auto& helper : helpers) helper.join();
  for (size_t slice = 0; slice < slices; ++slice) {
    if (errors[slice]) std::rethrow_exception(errors[slice]);
    trees.adopt(std::move(*arenas[slice]));
  }
  return out;
}

class Parser {
 public:
  Parser(ParsedMigration& out, unsigned threads) : out_(out), threads_(threads) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < out_.file.text.size(); ++i)
      if (out_.file.text[i] == '\n') line_starts_.push_back(i + 1);
  }

  void section(size_t index, Comments comments) {
    const Section& s = out_.file.sections[index];
    // Without "--" or "/*" there is no comment to find, and scanning costs as much as parsing.
    bool may_comment = s.sql.find("--") != std::string::npos || s.sql.find("/*") != std::string::npos;
    if (comments == Comments::Read && may_comment) scan_comments(s);
    // A large section is parsed statement by statement: libpg_query's tree and JSON of one statement
    // are freed before the next is parsed, where a 10 MB file parsed whole held them for all of its
    // statements at once (and took a sixth longer). A small one costs fewer calls parsed whole.
    bool whole_first = s.sql.size() < kWholeSectionBytes;
    if (whole_first) {
      pg::ParseResult whole(s.sql);
      if (whole.ok()) return add_all(index, whole);
    }
    std::string split_error;
    std::vector<std::pair<size_t, size_t>> ranges = pg::split_statements(s.sql, split_error);
    if (!split_error.empty()) add(index, {}, 0, s.sql.size(), 0, split_error);
    else if (!parse_each(index, ranges, whole_first)) {
      pg::ParseResult whole(s.sql);
      add_all(index, whole);
    }
  }

  // Function bodies the migration calls, directly or through other functions, run during it.
  void finish() {
    if (bodies_.empty()) return;  // no function body: what the migration calls decides nothing
    for (const Statement& s : out_.statements)
      if (!s.embedded) add_calls(s.node, calls_[""]);
    std::set<std::string> called = calls_[""];
    for (std::vector<std::string> pending(called.begin(), called.end()); !pending.empty();) {
      std::string caller = pending.back();
      pending.pop_back();
      for (const std::string& callee : calls_[caller])
        if (called.insert(callee).second) pending.push_back(callee);
    }
    for (const auto& [index, function] : bodies_)
      if (called.count(function)) out_.statements[index].runs = Runs::Migration;
  }

 private:
  ParsedMigration& out_;
  unsigned threads_;
  std::vector<size_t> line_starts_;
  std::map<std::string, std::set<std::string>> calls_;     // function name ("" for the migration) -> the functions it calls
  std::vector<std::pair<size_t, std::string>> bodies_;     // statement index -> the function whose body holds it

  void add_calls_of(const std::string& sql, std::set<std::string>& calls) {
    pg::ParseResult result(sql);
    if (result.ok()) add_calls(document(result.json()), calls);
  }

  std::pair<int, int> position(size_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    size_t line = static_cast<size_t>(it - line_starts_.begin());
    return {static_cast<int>(line), static_cast<int>(offset - line_starts_[line - 1]) + 1};
  }

  Node document(char* json) { return out_.trees->parse(json); }

  // The statements of a section that parsed whole.
  void add_all(size_t index, pg::ParseResult& whole) {
    for (const Node& raw : document(whole.json())["stmts"].list()) {
      size_t start = static_cast<size_t>(raw.integer("stmt_location", 0));
      size_t length = static_cast<size_t>(raw.integer("stmt_len", 0));
      add(index, raw["stmt"], start, length == 0 ? out_.file.sections[index].sql.size() : start + length, 0, "");
    }
  }

  // Each of the section's statements parsed alone (after a syntax error, the others are still
  // linted). False when one does not parse alone but the section does as a whole: the scanner
  // split a statement that holds semicolons (a BEGIN ATOMIC body, a rule's list of actions), and
  // what it added is taken back for the whole section's parse.
  bool parse_each(size_t index, const std::vector<std::pair<size_t, size_t>>& ranges, bool section_fails) {
    const Section& s = out_.file.sections[index];
    size_t statements = out_.statements.size(), bodies = bodies_.size();
    // Room for them at once: grown by doubling, the vector of a 10 MB file's statements was held
    // twice over while it moved.
    out_.statements.reserve(statements + ranges.size());
    std::vector<RangeParse> parses = parse_ranges(s.sql, ranges, threads_, *out_.trees);
    for (size_t k = 0; k < ranges.size(); ++k) {
      auto [start, end] = ranges[k];
      RangeParse& one = parses[k];
      if (!one.parsed) one = parse_range(s.sql, ranges[k], *out_.trees);  // after a syntax error in its slice
      if (one.root) {
        for (const Node& raw : one.root["stmts"].list()) add(index, raw["stmt"], start, end, start, "");
        continue;
      }
      if (!section_fails && pg::ParseResult(s.sql).ok()) {
        out_.statements.resize(statements);  // their trees stay in the file's arena, unused
        bodies_.resize(bodies);
        return false;
      }
      section_fails = true;
      std::string message = one.error;
      if (one.cursor > 0) {
        auto [line, column] = position(s.offset + start + static_cast<size_t>(one.cursor) - 1);
        message += " at line " + std::to_string(line) + ", column " + std::to_string(column);
      }
      add(index, {}, start, end, start, message);
    }
    return true;
  }

  // `parsed_from`: where in the section the string libpg_query parsed starts (its locations count from there).
  void add(size_t index, Node node, size_t start, size_t end, size_t parsed_from, const std::string& error) {
    const Section& s = out_.file.sections[index];
    size_t token = first_token(s.sql, start, std::min(end, s.sql.size()));
    if (token >= end && error.empty()) return;
    Statement statement;
    statement.node = node;
    statement.type = node.type();
    statement.text = trim(s.sql.substr(token, std::min(end, s.sql.size()) - token));
    if (!statement.text.empty() && statement.text.back() == ';') statement.text.pop_back();
    statement.offset = s.offset + token;
    statement.text_location = token - parsed_from;
    std::tie(statement.line, statement.column) = position(statement.offset);
    statement.section = index;
    statement.parse_error = error;
    if (!error.empty()) {
      std::string mysql = pg::describe_mysqlisms(statement.text);
      if (!mysql.empty()) statement.parse_error += "; MySQL syntax: " + mysql;
    }
    bool holds_body = statement.type == "DoStmt" || statement.type == "CreateFunctionStmt";
    out_.statements.push_back(std::move(statement));
    if (holds_body) embedded(Statement(out_.statements.back()));  // a copy: the body's statements are added after it
  }

  // Statements inside a DO block run with the migration; those of a PL/pgSQL function or procedure
  // body when it is called.
  void embedded(const Statement& outer) {
    std::string body, language = "plpgsql";
    Node n = outer.node.body();
    std::string function;  // "" for a DO block: the migration runs it
    std::string routine;
    if (outer.type == "CreateFunctionStmt") {
      std::vector<Node> name = n["funcname"].list();
      function = name.empty() ? "?" : name.back().sval();
      routine = std::string(n.flag("is_procedure") ? "procedure " : "function ") + n["funcname"].names() + "()";
    }
    for (const Node& option : (outer.type == "DoStmt" ? n["args"] : n["options"]).list()) {
      Node def = option["DefElem"];
      if (def.str("defname") == "as") {
        Node arg = def["arg"];
        body = arg.has("String") ? arg.sval() : (arg.list().empty() ? "" : arg.list()[0].sval());
      }
      if (def.str("defname") == "language") language = to_lower(def["arg"].sval());
    }
    if (language != "plpgsql" || body.empty()) return;
    pg::PlpgsqlParseResult result(body);
    if (result.ok()) {
      Node root = document(result.json());
      root.walk([&](const Node& node) {
        // Statements are single-key objects named by their kind: one look at the kind per node.
        std::string_view kind = node.type();
        if (kind == "PLpgSQL_stmt_perform" || kind == "PLpgSQL_stmt_call")  // PERFORM f(), CALL p()
          if (Node expr = node.body()["expr"]["PLpgSQL_expr"]) add_calls_of(expr.str("query"), calls_[function]);
        if (kind != "PLpgSQL_stmt_execsql") return;
        Node query = node.body()["sqlstmt"]["PLpgSQL_expr"];
        if (!query) return;
        std::string sql = query.str("query");
        pg::ParseResult inner(sql);
        if (inner.ok()) {
          Node inner_root = document(inner.json());
          for (const Node& raw : inner_root["stmts"].list()) {
            Statement s = outer;
            s.node = raw["stmt"];
            s.type = s.node.type();
            s.text = trim(sql);
            s.text_location = std::min(sql.find_first_not_of(" \t\n\v\f\r"), sql.size());  // what trim() dropped
            s.embedded = true;
            if (!function.empty()) {
              s.runs = Runs::WhenCalled;
              s.routine = routine;
              bodies_.emplace_back(out_.statements.size(), function);
            }
            add_calls(s.node, calls_[function]);
            out_.statements.push_back(s);
          }
        }
      });
    }
  }

  void scan_comments(const Section& s) {
    for (const pg::Token& token : pg::scan(s.sql)) {
      if (!token.comment()) continue;
      Comment c;
      c.offset = s.offset + token.start;
      c.end = s.offset + token.end;
      c.text = s.sql.substr(token.start, token.end - token.start);
      c.line = position(c.offset).first;
      out_.comments.push_back(std::move(c));
    }
  }
};

}  // namespace

std::optional<size_t> Statement::text_index(int64_t location) const {
  if (location < static_cast<int64_t>(text_location)) return std::nullopt;
  size_t index = static_cast<size_t>(location) - text_location;
  if (index >= text.size()) return std::nullopt;
  return index;
}

std::optional<size_t> keyword_at(const Statement& statement, int64_t location, std::initializer_list<std::string_view> keywords) {
  std::optional<size_t> index = statement.text_index(location);
  if (!index) return std::nullopt;
  for (std::string_view keyword : keywords)
    if (to_lower(std::string_view(statement.text).substr(*index, keyword.size())) == keyword) return index;
  return std::nullopt;
}

std::string parenthesized_after(const Statement& statement, int64_t location, std::initializer_list<std::string_view> keywords) {
  const std::string& text = statement.text;
  std::optional<size_t> keyword = keyword_at(statement, location, keywords);
  if (!keyword) return "";
  size_t open = text.find('(', *keyword);
  if (open == std::string::npos) return "";
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == '\'' || ch == '"') {  // skip quoted text: its parentheses do not count
      size_t close = text.find(ch, i + 1);
      if (close == std::string::npos) return "";
      i = close;
    } else if (ch == '(') {
      ++depth;
    } else if (ch == ')' && --depth == 0) {
      return trim(text.substr(open + 1, i - open - 1));
    }
  }
  return "";
}

std::pair<int, int> line_and_column(const std::string& text, size_t offset) {
  offset = std::min(offset, text.size());
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return {line, static_cast<int>(offset - line_start) + 1};
}

std::unique_ptr<ParsedMigration> parse_migration(MigrationFile file, Comments comments, unsigned threads) {
  auto out = std::make_unique<ParsedMigration>();
  out->file = std::move(file);
  Parser parser(*out, threads);
  for (size_t i = 0; i < out->file.sections.size(); ++i) parser.section(i, comments);
  parser.finish();
  for (size_t i = 0; i < out->statements.size(); ++i)
    if (const Statement& s = out->statements[i]; s.node && s.runs == Runs::Migration)
      if (std::string table = relation_name(s.node.body()["relation"]); !table.empty()) out->statements_on[table].push_back(i);
  return out;
}

}  // namespace pgguard::lint
