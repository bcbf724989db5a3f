#include "lint/builders/builders.h"

#include <re2/re2.h>

#include <algorithm>

#include "lint/builders/translate.h"
#include "util/text.h"

namespace pgguard::lint {
namespace {

int line_of(const std::string& text, size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(std::min(offset, text.size())), '\n'));
}

// The file ranges of `with op.get_context().autocommit_block():` bodies: the lines indented deeper
// than the `with` line.
std::vector<std::pair<size_t, size_t>> autocommit_blocks(const std::string& text) {
  static const RE2 opener(R"((?m)^([ \t]*)with\s+op\.get_context\(\)\.autocommit_block\(\)\s*:)");
  std::vector<std::pair<size_t, size_t>> blocks;
  re2::StringPiece input(text);
  re2::StringPiece groups[2];
  size_t pos = 0;
  while (pos < text.size() && opener.Match(input, pos, text.size(), RE2::UNANCHORED, groups, 2)) {
    size_t start = static_cast<size_t>(groups[0].data() - text.data()) + groups[0].size();
    size_t indent = groups[1].size();
    size_t end = text.find('\n', start);
    while (end != std::string::npos) {
      size_t next = end + 1, first = text.find_first_not_of(" \t", next);
      if (first == std::string::npos) {
        end = text.size();
        break;
      }
      bool blank = text[first] == '\n' || text[first] == '#';
      if (!blank && first - next <= indent) break;
      end = text.find('\n', next);
    }
    if (end == std::string::npos) end = text.size();
    blocks.emplace_back(start, end);
    pos = end;
  }
  return blocks;
}

}  // namespace

TxMode script_transaction(const MigrationFile& file) {
  static const RE2 knex_off(R"(config\s*=\s*\{[^}]*transaction\s*:\s*false)");
  static const RE2 typeorm_off(R"(\btransaction\s*=\s*false)");
  static const RE2 pgm_off(R"((?m)^[ \t]*pgm\.noTransaction\(\))");
  switch (file.tool) {
    case Tool::Sequelize: return TxMode::Autocommit;  // queryInterface calls run one by one, outside a transaction
    case Tool::NodePgMigrate: return RE2::PartialMatch(file.text, pgm_off) ? TxMode::Autocommit : TxMode::Single;
    case Tool::Knex: return RE2::PartialMatch(file.text, knex_off) ? TxMode::Autocommit : TxMode::Single;
    case Tool::TypeOrm: return RE2::PartialMatch(file.text, typeorm_off) ? TxMode::Autocommit : TxMode::Single;
    default: return TxMode::Single;
  }
}

void add_builder_sections(MigrationFile& file, TxMode tx, size_t down_at) {
  builders::Output out;
  switch (file.tool) {
    case Tool::NodePgMigrate: builders::translate_node_pg_migrate(file.text, out); break;
    case Tool::Knex: builders::translate_knex(file.text, out); break;
    case Tool::Sequelize: builders::translate_sequelize(file.text, out); break;
    case Tool::TypeOrm: builders::translate_typeorm(file.text, out); break;
    case Tool::Alembic: builders::translate_alembic(file.text, out); break;
    default: return;
  }
  // Raw-SQL sections and translated ones in the order they run: by where their call starts.
  std::vector<std::pair<size_t, Section>> ordered;
  for (auto& section : file.sections) ordered.emplace_back(section.offset, std::move(section));
  file.sections.clear();
  for (const auto& statement : out.statements) {
    Section section;
    section.direction = statement.offset >= down_at ? Direction::Down : Direction::Up;
    section.tx = tx;
    section.sql = statement.sql;
    section.offset = statement.offset;
    section.first_line = line_of(file.text, statement.offset);
    section.label = statement.call;
    ordered.emplace_back(statement.call_offset == std::string::npos ? statement.offset : statement.call_offset, std::move(section));
  }
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, section] : ordered) file.sections.push_back(std::move(section));
  for (const auto& call : out.unlintable)
    file.unlintable_calls.push_back({line_of(file.text, call.offset), "`" + call.call + "` " + call.what +
                                     ", so the SQL it sends is unknown and was not linted",
                                     "write its table, column and option arguments as literals in the call, or send the "
                                     "statement through " + out.raw_call + " with a literal SQL string"});
  if (file.tool == Tool::Alembic)
    for (const auto& [start, end] : autocommit_blocks(file.text))
      for (auto& section : file.sections)
        if (section.offset >= start && section.offset < end) section.tx = TxMode::Autocommit;
}

bool is_sql_fragment(const std::string& text, size_t offset, const std::string& call) {
  if (call != "knex.raw" || offset > text.size()) return false;
  // What precedes the call: `(`, `,` or `:` make it an argument or a property value; an arrow,
  // `await`, `return` or a statement boundary make it a statement.
  size_t i = offset;
  while (i > 0 && std::isspace(static_cast<unsigned char>(text[i - 1]))) --i;
  if (i == 0) return false;
  char before = text[i - 1];
  if (before == '(') return true;
  if (before != ',' && before != ':') return false;
  // In a list: an argument list or an object is an expression; an array (Promise.all([...])) holds statements.
  int nesting = 0;
  for (size_t scanned = 0; i > 0 && scanned < 8192; --i, ++scanned) {
    char c = text[i - 1];
    if (c == ')' || c == ']' || c == '}') ++nesting;
    if (c == '(' || c == '[' || c == '{') {
      if (nesting == 0) return c != '[';
      --nesting;
    }
    if (c == ';' && nesting == 0) return false;
  }
  return false;
}

}  // namespace pgguard::lint
