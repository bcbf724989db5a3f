#include "lint/builders/builders.h"

#include <algorithm>
#include <cctype>

#include "lint/builders/translate.h"
#include "lint/parse.h"

namespace pgguard::lint {
namespace {

int line_of(const std::string& text, size_t offset) { return line_and_column(text, offset).first; }

}  // namespace

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
