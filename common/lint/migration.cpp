#include "lint/migration.h"

#include <dirent.h>

#include <algorithm>
#include <cctype>
#include <re2/re2.h>
#include <set>

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
    {Tool::Sequelize, "sequelize"}, {Tool::Alembic, "alembic"}};

bool has_extension(const std::string& path, std::initializer_list<const char*> extensions) {
  std::string lower = to_lower(path);
  return std::any_of(extensions.begin(), extensions.end(), [&](const char* e) { return ends_with(lower, e); });
}

bool is_script_language(const std::string& path) { return has_extension(path, {".js", ".ts", ".mjs", ".cjs", ".py"}); }

std::string parent_dir(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
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

void split_dbmate(MigrationFile& file) {
  static const RE2 marker(R"(^\s*--\s*migrate:(up|down)\b)");
  auto markers = find_markers(file.text, marker);
  for (size_t i = 0; i < markers.size(); ++i) {
    size_t end = i + 1 < markers.size() ? markers[i + 1].line_start : file.text.size();
    bool down = markers[i].line.find("migrate:down") != std::string::npos;
    bool no_tx = markers[i].line.find("transaction:false") != std::string::npos;
    add_section(file, down ? Direction::Down : Direction::Up, no_tx ? TxMode::Autocommit : TxMode::Single, markers[i].body_start, end,
                trim(markers[i].line));
  }
}

void split_goose(MigrationFile& file) {
  static const RE2 marker(R"(^\s*--\s*\+goose\s+(Up|Down)\b)");
  bool no_tx = file.text.find("+goose NO TRANSACTION") != std::string::npos;
  auto markers = find_markers(file.text, marker);
  for (size_t i = 0; i < markers.size(); ++i) {
    size_t end = i + 1 < markers.size() ? markers[i + 1].line_start : file.text.size();
    bool down = markers[i].line.find("Down") != std::string::npos;
    add_section(file, down ? Direction::Down : Direction::Up, no_tx ? TxMode::Autocommit : TxMode::Single, markers[i].body_start, end,
                trim(markers[i].line));
  }
}

// Liquibase formatted SQL: each changeset is a section; `--rollback <sql>` lines form its down.
void split_liquibase(MigrationFile& file) {
  static const RE2 marker(R"(^\s*--\s*changeset\s)");
  auto markers = find_markers(file.text, marker);
  for (size_t i = 0; i < markers.size(); ++i) {
    size_t end = i + 1 < markers.size() ? markers[i + 1].line_start : file.text.size();
    bool no_tx = markers[i].line.find("runInTransaction:false") != std::string::npos;
    add_section(file, Direction::Up, no_tx ? TxMode::Autocommit : TxMode::Single, markers[i].body_start, end, trim(markers[i].line));
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
      down.tx = no_tx ? TxMode::Autocommit : TxMode::Single;
      down.sql = rollback;
      down.offset = rollback_start;
      down.first_line = line_at(file.text, rollback_start);
      down.label = "rollback of " + trim(markers[i].line);
      file.sections.push_back(std::move(down));
    }
  }
}

// SQL string literals passed to the raw-SQL calls of JS/TS/Python migration tools.
void extract_script_sql(MigrationFile& file) {
  static const RE2 call(R"((pgm\.sql|knex\.raw|knex\.schema\.raw|\.schema\.raw|queryInterface\.sequelize\.query|sequelize\.query|op\.execute|db\.execute|\bsql)\s*(\(\s*|`))");
  static const RE2 down_start(
      R"((?m)^[^/#\n]*?(exports\.down|export\s+(async\s+)?function\s+down\b|async\s+down\s*\(|\bdown\s*[:=]\s*(async\s*)?(\(|function)|def\s+downgrade\s*\())");
  TxMode tx = file.tool == Tool::Sequelize ? TxMode::Autocommit : TxMode::Single;
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
    bool template_tag = groups[2].size() == 1 && groups[2][0] == '`';
    size_t start = template_tag ? at - 1 : at;
    if (start >= text.size()) break;
    char quote = text[start];
    bool triple = text.compare(start, 3, "\"\"\"") == 0 || text.compare(start, 3, "'''") == 0;
    if (quote == 'r' && start + 1 < text.size() && (text[start + 1] == '"' || text[start + 1] == '\'')) quote = text[++start];
    if (quote != '\'' && quote != '"' && quote != '`') {
      dynamic.push_back(std::string(groups[1].data(), groups[1].size()) + " at line " + std::to_string(line_at(text, start)));
      continue;
    }
    std::string close = triple ? text.substr(start, 3) : std::string(1, quote);
    size_t body = start + close.size();
    size_t end = body;
    while (end < text.size() && text.compare(end, close.size(), close) != 0) end += text[end] == '\\' ? 2 : 1;
    if (end >= text.size()) break;
    std::string literal = text.substr(body, end - body);
    pos = end + close.size();
    if (quote == '`' && literal.find("${") != std::string::npos) {
      dynamic.push_back(std::string(groups[1].data(), groups[1].size()) + " with ${...} at line " + std::to_string(line_at(text, start)));
      continue;
    }
    Section section;
    section.direction = body >= down_at ? Direction::Down : Direction::Up;
    section.tx = tx;
    section.sql = literal;
    section.offset = body;
    section.first_line = line_at(text, body);
    section.label = std::string(groups[1].data(), groups[1].size());
    file.sections.push_back(std::move(section));
  }
  if (!dynamic.empty())
    file.too_dynamic = "builds SQL at run time (" + join(dynamic, ", ") + "), which cannot be linted; pass literal SQL strings";
  else if (file.sections.empty() && file.text.find("createTable") != std::string::npos)
    file.too_dynamic = "uses the schema builder API, whose SQL is generated at run time and cannot be linted";
}

}  // namespace

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
  static const std::set<std::string> kTables = {"alembic_version", "schema_migrations", "flyway_schema_history",
                                                "__drizzle_migrations", "_prisma_migrations", "goose_db_version"};
  return kTables.count(table) > 0;
}

bool glob_match(const std::string& pattern, const std::string& path) {
  // '*' matches within a path component, '**' across components, '?' one character.
  size_t p = 0, s = 0, star_p = std::string::npos, star_s = 0;
  bool star_crosses = false;
  while (s < path.size()) {
    if (p + 1 < pattern.size() && pattern[p] == '*' && pattern[p + 1] == '*') {
      star_p = p += 2;
      if (p < pattern.size() && pattern[p] == '/') star_p = ++p;
      star_s = s;
      star_crosses = true;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star_p = ++p;
      star_s = s;
      star_crosses = false;
    } else if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == path[s]) && !(pattern[p] == '?' && path[s] == '/')) {
      ++p;
      ++s;
    } else if (star_p != std::string::npos && (star_crosses || path[star_s] != '/')) {
      p = star_p;
      s = ++star_s;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool is_migration_path(const std::string& path, const std::vector<std::string>& extra_globs) {
  static const char* kGlobs[] = {
      "**/drizzle/**/*.sql",          "**/db/migrations/**/*.sql",  "**/src/db/migrations/**/*.sql", "**/migrations/**/*.sql",
      "**/prisma/migrations/*/migration.sql", "**/db/migration/**/*.sql", "**/supabase/migrations/*.sql",
      "**/deploy/*.sql",              "**/revert/*.sql",            "**/migrations/**/*.js",          "**/migrations/**/*.ts",
      "**/migrations/**/*.cjs",       "**/migrations/**/*.mjs",     "**/alembic/versions/*.py",       "**/migrations/versions/*.py",
      "**/db/migrate/*.sql",          "**/sql/migrations/**/*.sql", "**/schema/migrations/**/*.sql"};
  std::string normalized = path.empty() || path[0] != '/' ? "/" + path : path;
  // Every built-in layout names one of these extensions; most files of a project are ruled out here.
  if (ends_with(path, ".sql") || is_script_language(path)) {
    for (const char* glob : kGlobs)
      if (glob_match(glob, normalized)) return true;
    static const RE2 flyway(R"((^|/)[VUR]\d*(_\d+)*__[^/]*\.sql$)");
    static const RE2 golang(R"((^|/)\d+_[^/]+\.(up|down)\.sql$)");
    if (RE2::PartialMatch(path, flyway) || RE2::PartialMatch(path, golang)) return true;
  }
  return std::any_of(extra_globs.begin(), extra_globs.end(), [&](const std::string& g) { return glob_match(g, normalized); });
}

Tool detect_tool(const std::string& path, const std::string& text) {
  std::string head = text.substr(0, 65536);
  if (head.find("-- migrate:up") != std::string::npos || head.find("--migrate:up") != std::string::npos) return Tool::Dbmate;
  if (head.find("+goose Up") != std::string::npos) return Tool::Goose;
  if (head.find("liquibase formatted sql") != std::string::npos) return Tool::Liquibase;
  if (path.find("/prisma/migrations/") != std::string::npos && ends_with(path, "/migration.sql")) return Tool::Prisma;
  if (path.find("supabase/migrations/") != std::string::npos) return Tool::Supabase;
  static const RE2 flyway(R"((^|/)[VUR]\d*(_\d+)*__[^/]*\.sql$)");
  if (RE2::PartialMatch(path, flyway)) return Tool::Flyway;
  if (ends_with(path, ".up.sql") || ends_with(path, ".down.sql")) return Tool::GolangMigrate;
  if (head.find("--> statement-breakpoint") != std::string::npos || is_regular_file(parent_dir(path) + "/meta/_journal.json"))
    return Tool::Drizzle;
  std::string dir = parent_dir(path);
  std::string dir_name = base_name(dir);
  if ((dir_name == "deploy" || dir_name == "revert" || dir_name == "verify") && is_regular_file(parent_dir(dir) + "/sqitch.plan"))
    return Tool::Sqitch;
  if (is_script_language(path)) {
    if (ends_with(path, ".py")) return Tool::Alembic;
    if (head.find("pgm.") != std::string::npos || head.find("MigrationBuilder") != std::string::npos) return Tool::NodePgMigrate;
    if (head.find("queryInterface") != std::string::npos) return Tool::Sequelize;
    return Tool::Knex;
  }
  return Tool::Plain;
}

MigrationFile read_migration(const std::string& path, const std::string& text, std::optional<Tool> forced_tool) {
  MigrationFile file;
  file.path = path;
  file.text = text;
  file.tool = forced_tool ? *forced_tool : detect_tool(path, text);
  std::string name = base_name(path);
  switch (file.tool) {
    case Tool::Dbmate:
      split_dbmate(file);
      file.expects_down = true;
      break;
    case Tool::Goose:
      split_goose(file);
      file.expects_down = true;
      break;
    case Tool::Liquibase:
      split_liquibase(file);
      break;
    case Tool::NodePgMigrate:
    case Tool::Knex:
    case Tool::Sequelize:
    case Tool::Alembic:
      extract_script_sql(file);
      break;
    default:
      break;
  }
  if (file.sections.empty() && !is_script_language(path)) {
    TxMode tx = TxMode::Autocommit;
    if (file.tool == Tool::Drizzle || file.tool == Tool::Flyway || file.tool == Tool::Supabase) tx = TxMode::Single;
    if (file.tool == Tool::GolangMigrate || file.tool == Tool::Prisma) tx = TxMode::Implicit;
    file.is_down_file = ends_with(name, ".down.sql") || (file.tool == Tool::Flyway && name[0] == 'U') ||
                        (file.tool == Tool::Sqitch && base_name(parent_dir(path)) == "revert");
    add_section(file, file.is_down_file ? Direction::Down : Direction::Up, tx, 0, text.size(), "");
  }
  file.expects_down = file.expects_down || (file.tool == Tool::GolangMigrate && ends_with(name, ".up.sql"));
  return file;
}

std::vector<std::string> earlier_migrations(const std::string& path, Tool tool, size_t max_files) {
  std::string dir = parent_dir(path);
  std::vector<std::string> candidates;
  auto list = [&](const std::string& directory, auto&& accept) {
    DIR* handle = opendir(directory.c_str());
    if (!handle) return;
    while (dirent* entry = readdir(handle)) {
      std::string name = entry->d_name;
      if (name[0] == '.' || candidates.size() >= max_files) continue;
      accept(directory + "/" + name, name);
    }
    closedir(handle);
  };
  std::string self = path;
  if (tool == Tool::Prisma) {
    std::string root = parent_dir(dir);
    list(root, [&](const std::string& full, const std::string&) {
      if (is_regular_file(full + "/migration.sql")) candidates.push_back(full + "/migration.sql");
    });
  } else {
    bool script = is_script_language(path);
    list(dir, [&](const std::string& full, const std::string& name) {
      bool same_kind = script ? is_script_language(name) : has_extension(name, {".sql"});
      bool down = ends_with(name, ".down.sql") || (tool == Tool::Flyway && (name[0] == 'U' || name[0] == 'R'));
      if (same_kind && !down && is_regular_file(full)) candidates.push_back(full);
    });
  }
  // Flyway orders by version number; the other tools' names sort as text (timestamps, padded numbers).
  auto key = [&](const std::string& p) {
    std::string name = tool == Tool::Prisma ? base_name(parent_dir(p)) : base_name(p);
    std::vector<long long> numbers;
    if (tool == Tool::Flyway || tool == Tool::GolangMigrate || tool == Tool::Goose) {
      size_t i = tool == Tool::Flyway ? 1 : 0;
      std::string current;
      for (; i < name.size() && (std::isdigit(static_cast<unsigned char>(name[i])) || name[i] == '_' || name[i] == '.'); ++i) {
        if (name.compare(i, 2, "__") == 0) break;
        if (std::isdigit(static_cast<unsigned char>(name[i]))) current += name[i];
        else if (!current.empty()) numbers.push_back(std::stoll(current.substr(0, 18))), current.clear();
      }
      if (!current.empty()) numbers.push_back(std::stoll(current.substr(0, 18)));
    }
    return std::make_pair(numbers, name);
  };
  std::sort(candidates.begin(), candidates.end(), [&](const std::string& a, const std::string& b) { return key(a) < key(b); });
  auto self_key = key(self);
  std::vector<std::string> earlier;
  for (const auto& c : candidates)
    if (c != self && key(c) < self_key) earlier.push_back(c);
  return earlier;
}

}  // namespace pgguard::lint
