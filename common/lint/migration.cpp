#include "lint/migration.h"

#include <dirent.h>

#include <algorithm>
#include <cctype>
#include <re2/re2.h>
#include <set>

#include "lint/builders/builders.h"
#include "lint/tools.h"
#include "util/files.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

struct ToolName {
  Tool tool;
  const char* name;
};
constexpr ToolName kToolNames[] = {
    {Tool::Plain, "plain"},         {Tool::Drizzle, "drizzle"},     {Tool::Prisma, "prisma"},
    {Tool::Flyway, "flyway"},       {Tool::Liquibase, "liquibase"}, {Tool::Dbmate, "dbmate"},
    {Tool::GolangMigrate, "golang-migrate"}, {Tool::Goose, "goose"}, {Tool::Sqitch, "sqitch"},
    {Tool::Supabase, "supabase"},   {Tool::NodePgMigrate, "node-pg-migrate"}, {Tool::Knex, "knex"},
    {Tool::Sequelize, "sequelize"}, {Tool::Alembic, "alembic"},   {Tool::TypeOrm, "typeorm"},
    {Tool::Diesel, "diesel"},       {Tool::Sqlx, "sqlx"},         {Tool::Popx, "popx"},
    {Tool::Rails, "rails"},         {Tool::Django, "django"},     {Tool::Ecto, "ecto"}};

bool has_extension(const std::string& path, std::initializer_list<const char*> extensions) {
  // Only the end of the name is lowered: every file of a walked tree is asked about.
  constexpr size_t kTail = 8;  // longer than any extension asked for
  std::string lower = to_lower(std::string_view(path).substr(path.size() > kTail ? path.size() - kTail : 0));
  return std::any_of(extensions.begin(), extensions.end(), [&](const char* e) { return ends_with(lower, e); });
}

int line_at(const std::string& text, size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(std::min(offset, text.size())), '\n'));
}

// Splits on marker lines; each marker starts a section whose SQL follows the marker line.
struct Marker {
  size_t line_start;
  size_t body_start;
  std::string line;
};

std::vector<Marker> find_markers(const std::string& text, const RE2& marker) {
  std::vector<Marker> markers;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    size_t end = eol == std::string::npos ? text.size() : eol;
    std::string line = text.substr(pos, end - pos);
    if (RE2::PartialMatch(line, marker)) markers.push_back({pos, eol == std::string::npos ? text.size() : eol + 1, line});
    pos = end + 1;
  }
  return markers;
}

void add_section(MigrationFile& file, Direction direction, TxMode tx, size_t start, size_t end, std::string label) {
  Section section;
  section.direction = direction;
  section.tx = tx;
  section.offset = start;
  section.sql = file.text.substr(start, end - start);
  section.first_line = line_at(file.text, start);
  section.label = std::move(label);
  file.sections.push_back(std::move(section));
}

void split_dbmate(MigrationFile& file, TxMode tx) {
  static const RE2 marker(R"(^\s*--\s*migrate:(up|down)\b)");
  auto markers = find_markers(file.text, marker);
  for (size_t i = 0; i < markers.size(); ++i) {
    size_t end = i + 1 < markers.size() ? markers[i + 1].line_start : file.text.size();
    bool down = markers[i].line.find("migrate:down") != std::string::npos;
    bool no_tx = markers[i].line.find("transaction:false") != std::string::npos;
    add_section(file, down ? Direction::Down : Direction::Up, no_tx ? TxMode::Autocommit : tx, markers[i].body_start, end,
                trim(markers[i].line));
  }
}

// A .sql file with an up marker line and a down marker line (node-pg-migrate's SQL migrations).
void split_marked(MigrationFile& file, const RE2& up, const RE2& down, TxMode tx) {
  static const RE2 any_line(".");
  auto lines = find_markers(file.text, any_line);
  std::vector<std::pair<Marker, Direction>> markers;
  for (const auto& m : lines) {
    if (RE2::PartialMatch(m.line, up)) markers.push_back({m, Direction::Up});
    else if (RE2::PartialMatch(m.line, down)) markers.push_back({m, Direction::Down});
  }
  for (size_t i = 0; i < markers.size(); ++i) {
    size_t end = i + 1 < markers.size() ? markers[i + 1].first.line_start : file.text.size();
    add_section(file, markers[i].second, tx, markers[i].first.body_start, end, trim(markers[i].first.line));
  }
}

void split_goose(MigrationFile& file, TxMode tx) {
  static const RE2 marker(R"((?i)^\s*--\s*\+goose\s+(up|down)\b)");
  auto markers = find_markers(file.text, marker);
  for (size_t i = 0; i < markers.size(); ++i) {
    size_t end = i + 1 < markers.size() ? markers[i + 1].line_start : file.text.size();
    bool down = to_lower(markers[i].line).find("down") != std::string::npos;
    add_section(file, down ? Direction::Down : Direction::Up, tx, markers[i].body_start, end, trim(markers[i].line));
  }
}

// Liquibase formatted SQL: each changeset is a section; `--rollback <sql>` lines form its down.
void split_liquibase(MigrationFile& file, TxMode tx) {
  static const RE2 marker(R"(^\s*--\s*changeset\s)");
  auto markers = find_markers(file.text, marker);
  for (size_t i = 0; i < markers.size(); ++i) {
    size_t end = i + 1 < markers.size() ? markers[i + 1].line_start : file.text.size();
    bool no_tx = markers[i].line.find("runInTransaction:false") != std::string::npos;
    add_section(file, Direction::Up, no_tx ? TxMode::Autocommit : tx, markers[i].body_start, end, trim(markers[i].line));
    std::string rollback;
    size_t pos = markers[i].body_start, rollback_start = std::string::npos;
    while (pos < end) {
      size_t eol = std::min(file.text.find('\n', pos), end);
      std::string line = file.text.substr(pos, eol - pos);
      std::string t = trim(line);
      if (starts_with(t, "--rollback")) {
        if (rollback_start == std::string::npos) rollback_start = pos;
        rollback += t.substr(10) + "\n";
      }
      pos = eol + 1;
    }
    if (rollback_start != std::string::npos) {
      Section down;
      down.direction = Direction::Down;
      down.tx = no_tx ? TxMode::Autocommit : tx;
      down.sql = rollback;
      down.offset = rollback_start;
      down.first_line = line_at(file.text, rollback_start);
      down.label = "rollback of " + trim(markers[i].line);
      file.sections.push_back(std::move(down));
    }
  }
}

// A Ruby heredoc (execute <<~SQL ... SQL): the body's offsets, or npos when `at` starts none.
std::pair<size_t, size_t> ruby_heredoc(const std::string& text, size_t at) {
  static const RE2 opener(R"(<<[~-]?['"]?(\w+)['"]?[^\n]*\n)");
  re2::StringPiece input(text);
  re2::StringPiece groups[2];
  if (!opener.Match(input, at, text.size(), RE2::ANCHOR_START, groups, 2)) return {std::string::npos, 0};
  size_t body = static_cast<size_t>(groups[0].data() - text.data()) + groups[0].size();
  std::string tag(groups[1].data(), groups[1].size());
  for (size_t line = body; line < text.size();) {
    size_t eol = text.find('\n', line);
    if (eol == std::string::npos) eol = text.size();
    if (trim(std::string_view(text).substr(line, eol - line)) == tag) return {body, line};
    line = eol + 1;
  }
  return {std::string::npos, 0};
}

struct Literal {
  size_t body = 0, body_end = 0, end = 0;  // the text between the quotes; past the closing quote
  bool interpolated = false;               // a JS template literal with ${...}
};

// The string literal starting at `start` ('...', "...", `...`, """...""", r"..."), if one does.
std::optional<Literal> string_literal(const std::string& text, size_t start) {
  if (start < text.size() && text[start] == 'r' && start + 1 < text.size() && (text[start + 1] == '"' || text[start + 1] == '\'')) ++start;
  if (start >= text.size()) return std::nullopt;
  char quote = text[start];
  if (quote != '\'' && quote != '"' && quote != '`') return std::nullopt;
  bool triple = text.compare(start, 3, "\"\"\"") == 0 || text.compare(start, 3, "'''") == 0;
  std::string close = triple ? text.substr(start, 3) : std::string(1, quote);
  Literal literal;
  literal.body = start + close.size();
  size_t end = literal.body;
  while (end < text.size() && text.compare(end, close.size(), close) != 0) end += text[end] == '\\' ? 2 : 1;
  if (end >= text.size()) return std::nullopt;
  literal.body_end = end;
  literal.end = end + close.size();
  literal.interpolated = quote == '`' && text.find("${", literal.body) < end;
  return literal;
}

// The literal a call argument at `start` stands for: the literal itself, or a constant of the same
// file assigned one (Django's RunSQL(CREATE_INDEX), `const sql = \`...\``).
std::optional<Literal> argument_literal(const std::string& text, size_t start) {
  if (auto literal = string_literal(text, start)) return literal;
  size_t end = start;
  while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
  if (end == start || std::isdigit(static_cast<unsigned char>(text[start]))) return std::nullopt;
  RE2 assignment("(?m)^[ \\t]*(?:(?:export\\s+)?(?:const|let|var)\\s+)?" + text.substr(start, end - start) + "\\s*(?::[^=\\n]*)?=\\s*");
  re2::StringPiece input(text), match;
  if (!assignment.Match(input, 0, text.size(), RE2::UNANCHORED, &match, 1)) return std::nullopt;
  auto literal = string_literal(text, static_cast<size_t>(match.data() - text.data()) + match.size());
  if (literal) literal->end = end;  // scanning goes on after the argument, not after the constant
  return literal;
}

// Replaces each ${...} of a template literal with spaces, keeping lines and offsets.
void blank_interpolations(std::string& sql) {
  for (size_t at = sql.find("${"); at != std::string::npos; at = sql.find("${", at)) {
    int depth = 0;
    size_t i = at + 1;
    for (; i < sql.size(); ++i) {
      if (sql[i] == '{') ++depth;
      if (sql[i] == '}' && --depth == 0) break;
    }
    for (size_t k = at; k <= i && k < sql.size(); ++k)
      if (sql[k] != '\n') sql[k] = ' ';
  }
}

Direction body_direction(size_t at, size_t down_at) { return at >= down_at ? Direction::Down : Direction::Up; }

// SQL string literals passed to the raw-SQL calls of JS/TS, Python, Ruby and Elixir migrations.
void extract_script_sql(MigrationFile& file, TxMode tx) {
  static const RE2 js_python_call(
      R"((pgm\.sql|knex\.raw|knex\.schema\.raw|\.schema\.raw|queryInterface\.sequelize\.query|sequelize\.query|queryRunner\.query|op\.execute|db\.execute|migrations\.RunSQL|\bsql)\s*(\(\s*(?:sql\s*=\s*)?|`))");
  // Rails and Ecto: execute "...", execute("..."), execute <<~SQL ... SQL, execute """ ... """.
  static const RE2 ruby_elixir_call(R"((\bexecute)(\s*\(\s*|\s*<<|\s+))");
  const RE2& call = has_extension(file.path, {".rb", ".exs"}) ? ruby_elixir_call : js_python_call;
  static const RE2 down_start(
      R"((?m)^[^/#\n]*?(exports\.down|export\s+(async\s+)?function\s+down\b|async\s+down\s*\(|\bdown\s*[:=]\s*(async\s*)?(\(|function)|def\s+downgrade\s*\(|def\s+down\b))");
  // RunSQL(sql, reverse_sql) and Ecto's execute(up, down): the second literal is the down.
  static const RE2 reverse_argument(R"(\s*,\s*(?:reverse_sql\s*=\s*)?)");
  bool reversible_calls = has_extension(file.path, {".exs", ".py"});
  const std::string& text = file.text;
  re2::StringPiece down_match;
  size_t down_at = text.size();
  if (RE2::PartialMatch(text, down_start, &down_match)) down_at = static_cast<size_t>(down_match.data() - text.data());
  re2::StringPiece input(text);
  re2::StringPiece groups[3];
  size_t pos = 0;
  std::vector<std::string> dynamic;
  while (pos < text.size() && call.Match(input, pos, text.size(), RE2::UNANCHORED, groups, 3)) {
    size_t at = static_cast<size_t>(groups[0].data() - text.data()) + groups[0].size();
    pos = at;
    if (is_sql_fragment(text, static_cast<size_t>(groups[1].data() - text.data()), std::string(groups[1].data(), groups[1].size()))) continue;
    bool template_tag = groups[2].size() == 1 && groups[2][0] == '`';
    bool heredoc = ends_with(std::string_view(groups[2].data(), groups[2].size()), "<<");
    size_t start = template_tag ? at - 1 : heredoc ? at - 2 : at;
    if (start >= text.size()) break;
    if (heredoc) {
      auto [body, end] = ruby_heredoc(text, start);
      if (body == std::string::npos) continue;
      pos = end;
      Section section;
      section.direction = body >= down_at ? Direction::Down : Direction::Up;
      section.tx = tx;
      section.sql = text.substr(body, end - body);
      section.offset = body;
      section.first_line = line_at(text, body);
      section.label = std::string(groups[1].data(), groups[1].size());
      file.sections.push_back(std::move(section));
      continue;
    }
    if (!argument_literal(text, start)) {
      dynamic.push_back(std::string(groups[1].data(), groups[1].size()) + " at line " + std::to_string(line_at(text, start)));
      continue;
    }
    std::string label(groups[1].data(), groups[1].size());
    for (Direction direction : {body_direction(start, down_at), Direction::Down}) {
      auto literal = argument_literal(text, start);
      if (!literal) break;
      pos = literal->end;
      Section section;
      section.direction = direction;
      section.tx = tx;
      section.sql = text.substr(literal->body, literal->body_end - literal->body);
      // `CREATE INDEX ${ifNotExists} idx ON t (c)` is still lintable without its run-time part; when
      // the rest does not parse, the linter says the SQL is built at run time.
      section.interpolated = literal->interpolated;
      if (section.interpolated) blank_interpolations(section.sql);
      section.offset = literal->body;
      section.first_line = line_at(text, literal->body);
      section.label = label;
      file.sections.push_back(std::move(section));
      re2::StringPiece rest(text.data() + pos, text.size() - pos);
      if (!reversible_calls || !RE2::Consume(&rest, reverse_argument)) break;
      start = static_cast<size_t>(rest.data() - text.data());
    }
  }
  add_builder_sections(file, tx, down_at);
  if (!dynamic.empty())
    file.too_dynamic = "builds SQL at run time (" + join(dynamic, ", ") + "), which cannot be linted; pass literal SQL strings";
  else if (file.sections.empty() && file.unlintable_calls.empty() && file.text.find("createTable") != std::string::npos)
    file.too_dynamic = "uses the schema builder API, whose SQL is generated at run time and cannot be linted";
}

// Whether every statement of a plain SQL file matches `pattern` (comments dropped; a rough split on
// semicolons is enough for the statements Flyway recognises, which hold none).
bool only_statements_matching(const std::string& text, const RE2& pattern) {
  static const RE2 comment(R"(--[^\n]*|/\*(?s:.*?)\*/)");
  std::string code = text;
  RE2::GlobalReplace(&code, comment, "");
  bool any = false;
  for (size_t start = 0; start <= code.size();) {
    size_t end = code.find(';', start);
    std::string statement = trim(code.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (!statement.empty()) {
      if (!RE2::PartialMatch(statement, pattern)) return false;
      any = true;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return any;
}

// Whether the tool runs this file without its usual transaction: a marker in the file, its name, or
// a file beside it (diesel's metadata.toml).
bool runs_without_transaction(const ToolRecord& record, const std::string& path, const std::string& text) {
  if (matches_any(record.no_transaction_markers, text.substr(0, 65536)) || matches_any(record.no_transaction_names, path)) return true;
  for (const auto& [name, pattern] : record.no_transaction_files) {
    std::string beside_name = name;
    if (size_t at = beside_name.find("{file}"); at != std::string::npos) beside_name.replace(at, 6, base_name(path));
    auto beside = read_file_bounded(parent_dir(path) + "/" + beside_name, 1 << 16);
    if (beside && RE2::PartialMatch(*beside, pattern.re())) return true;
  }
  return record.no_transaction_statements && only_statements_matching(text, record.no_transaction_statements->re());
}


bool has_down_convention(const ToolRecord& record) {
  return record.tool == Tool::Dbmate || record.tool == Tool::Goose || record.down == DownConvention::Suffix ||
         record.down == DownConvention::Folder || record.down == DownConvention::Sqitch;
}

}  // namespace

bool is_down_path(const ToolRecord& record, const std::string& path) {
  std::string name = base_name(path);
  switch (record.down) {
    case DownConvention::Suffix: return ends_with(name, ".down.sql");
    case DownConvention::Folder: return name == "down.sql";
    case DownConvention::PrefixU: return !name.empty() && name[0] == 'U';
    case DownConvention::Sqitch: return base_name(parent_dir(path)) == "revert";
    default: return false;
  }
}

std::string down_file_for(const MigrationFile& file) {
  const ToolRecord& record = tool_record(file.tool);
  std::string name = base_name(file.path);
  std::string dir = parent_dir(file.path);
  switch (record.down) {
    case DownConvention::Suffix:
      return ends_with(name, ".up.sql") ? file.path.substr(0, file.path.size() - 7) + ".down.sql" : "";
    case DownConvention::Folder: return name == "up.sql" ? dir + "/down.sql" : "";
    case DownConvention::Sqitch: return base_name(dir) == "deploy" ? parent_dir(dir) + "/revert/" + name : "";
    default: return "";
  }
}

const char* tool_name(Tool tool) {
  for (const auto& t : kToolNames)
    if (t.tool == tool) return t.name;
  return "plain";
}

std::optional<Tool> parse_tool(const std::string& name) {
  for (const auto& t : kToolNames)
    if (name == t.name) return t.tool;
  return std::nullopt;
}

bool is_bookkeeping_table(const std::string& table) {
  // Asked for every data change a rule looks at: the tools' tables, lower case, as written and
  // without their schema, are gathered once.
  static const std::set<std::string, std::less<>> names = [] {
    std::set<std::string, std::less<>> out;
    for (const auto& record : tool_records()) {
      std::string name = to_lower(record.bookkeeping_table);
      if (name.empty()) continue;
      out.insert(name);
      out.insert(name.substr(name.find('.') + 1));
    }
    return out;
  }();
  return names.count(to_lower(table)) > 0;
}

bool is_script_language(const std::string& path) { return has_extension(path, {".js", ".ts", ".mjs", ".cjs", ".py", ".rb", ".exs"}); }

bool is_sql_file(const std::string& path) { return has_extension(path, {".sql"}); }

std::string parent_dir(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

namespace {

// A [...] class at pattern[p]: whether it matches c, and where the pattern goes on.
bool class_match(const std::string& pattern, size_t& p, char c) {
  size_t close = pattern.find(']', p + 1);
  if (close == std::string::npos) return pattern[p] == c && (++p, true);
  bool hit = false;
  for (size_t i = p + 1; i < close; ++i) {
    if (i + 2 < close && pattern[i + 1] == '-') {
      hit = hit || (c >= pattern[i] && c <= pattern[i + 2]);
      i += 2;
    } else {
      hit = hit || pattern[i] == c;
    }
  }
  if (hit) p = close + 1;
  return hit;
}

}  // namespace

namespace {

bool glob_at(const std::string& pattern, size_t p, const std::string& path, size_t i) {
  while (p < pattern.size()) {
    if (pattern.compare(p, 2, "**") == 0) {
      bool slash = p + 2 < pattern.size() && pattern[p + 2] == '/';
      // "**/" matches zero or more whole components, a bare "**" anything.
      for (size_t k = i; k <= path.size(); ++k)
        if ((!slash || k == i || path[k - 1] == '/') && glob_at(pattern, p + (slash ? 3 : 2), path, k)) return true;
      return false;
    }
    if (pattern[p] == '*') {
      for (size_t k = i; k <= path.size(); ++k) {
        if (glob_at(pattern, p + 1, path, k)) return true;
        if (k < path.size() && path[k] == '/') break;
      }
      return false;
    }
    if (i >= path.size() || (path[i] == '/' && pattern[p] != '/')) return false;
    if (pattern[p] == '[') {
      if (!class_match(pattern, p, path[i])) return false;
    } else if (pattern[p] != '?' && pattern[p] != path[i]) {
      return false;
    } else {
      ++p;
    }
    ++i;
  }
  return i == path.size();
}

}  // namespace

bool glob_match(const std::string& pattern, const std::string& path) {
  // Every literal run of the pattern ("/migrations/", ".sql") must be in the path: a cheap test that
  // rules out most files of a tree before the backtracking match.
  for (size_t start = 0; start < pattern.size();) {
    size_t end = pattern.find_first_of("*?[", start);
    size_t length = (end == std::string::npos ? pattern.size() : end) - start;
    if (length > 1 && path.find(std::string_view(pattern).substr(start, length)) == std::string::npos) return false;
    if (end == std::string::npos) break;
    start = pattern[end] == '[' ? pattern.find(']', end) + 1 : end + 1;
    if (start == 0) break;  // an unclosed class
  }
  return glob_at(pattern, 0, path, 0);
}

MigrationFile read_migration(const std::string& path, std::string text_in, std::optional<Tool> forced_tool) {
  MigrationFile file;
  file.path = path;
  file.text = std::move(text_in);
  const std::string& text = file.text;
  file.tool = forced_tool ? *forced_tool : detect_tool(path, text);
  const ToolRecord& record = tool_record(file.tool);
  TxMode tx = runs_without_transaction(record, path, text) ? TxMode::Autocommit : record.transaction;
  if (tx == TxMode::Autocommit && matches_any(record.transaction_markers, text)) tx = TxMode::Single;
  if (record.sql_sections.size() == 2 && !is_script_language(path)) split_marked(file, record.sql_sections[0].re(), record.sql_sections[1].re(), tx);
  else switch (record.format) {
    case SectionFormat::Dbmate: split_dbmate(file, tx); break;
    case SectionFormat::Goose: split_goose(file, tx); break;
    case SectionFormat::Liquibase: split_liquibase(file, tx); break;
    case SectionFormat::Script: extract_script_sql(file, tx); break;
    case SectionFormat::Whole: break;
  }
  if (file.sections.empty() && !is_script_language(path)) {
    file.is_down_file = is_down_path(record, path);
    add_section(file, file.is_down_file ? Direction::Down : Direction::Up, tx, 0, text.size(), "");
  }
  file.expects_down = !file.is_down_file && has_down_convention(record);
  return file;
}

}  // namespace pgguard::lint
