#pragma once
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/migration.h"
#include "pg/node.h"
#include "pg/tree.h"

namespace pgguard::lint {

using pg::Node;  // the parse-tree view the rules read

struct Comment {
  std::string text;  // including the -- or /* */ markers
  size_t offset = 0;  // into the file
  size_t end = 0;
  int line = 1;
};

// When a statement runs: the migration runs its own statements and those of DO blocks; the body of
// a function or procedure runs when something calls it, which is during the migration only when
// the migration itself calls it (SELECT f(), CALL p(), PERFORM f()).
enum class Runs { Migration, WhenCalled };

struct Statement {
  Node node;              // {"CreateStmt": {...}}; invalid when parse_error is set
  std::string_view type;  // "CreateStmt": the tree's own name for it, interned for the whole run
  std::string text;       // as written, from its first token
  size_t offset = 0;      // into the file, of its first token
  int line = 1;
  int column = 1;
  size_t section = 0;     // index into MigrationFile::sections
  bool embedded = false;  // from a DO block or a PL/pgSQL function body
  Runs runs = Runs::Migration;
  std::string routine;    // for a statement of a function or procedure body: "function purge_sessions()"
  std::string parse_error;
  // Parse-tree locations are byte offsets into the string libpg_query parsed: the whole section,
  // the statement's own chunk when a syntax error made the section parse statement by statement,
  // or the inner query of a DO block or function body. `text` starts this far into that string.
  size_t text_location = 0;

  // The index in `text` of a parse-tree location; nullopt for -1 and for locations outside it.
  std::optional<size_t> text_index(int64_t location) const;
};

struct ParsedMigration {
  MigrationFile file;
  std::vector<Statement> statements;
  std::vector<Comment> comments;
  // Indexes into statements of those that name each relation (CREATE TABLE, ALTER TABLE, CREATE
  // INDEX ... ON it), in order: rules that look ahead for a table's statements stay linear. Only
  // statements the migration runs: a function body's CREATE INDEX creates nothing until it is called.
  std::map<std::string, std::vector<size_t>> statements_on;
  // What a rule derives from the whole file once (a look-ahead index), by rule id; built on first use.
  mutable std::map<std::string, std::shared_ptr<void>, std::less<>> rule_cache;
  // Every parse tree of the file, its statements' and those of DO blocks and function bodies.
  std::unique_ptr<pg::Tree> trees = std::make_unique<pg::Tree>();
};

// Comments steer the linter on the file it lints; a replayed earlier migration needs none.
enum class Comments { Read, Skip };

// Parses every section: statements with positions, comments from libpg_query's scanner, and the
// statements inside DO blocks and PL/pgSQL function bodies.
// `threads`: how many threads may parse the statements of one large section.
std::unique_ptr<ParsedMigration> parse_migration(MigrationFile file, Comments comments = Comments::Read, unsigned threads = 1);

// The index in statement.text of a node's location when one of `keywords` (lower case) starts
// there, so that a location pointing anywhere else is never used to cut the text.
std::optional<size_t> keyword_at(const Statement& statement, int64_t location, std::initializer_list<std::string_view> keywords);
// The text inside the first parentheses after that keyword (CHECK (<this>), GENERATED ALWAYS AS
// (<this>)), trimmed; "" when the location does not map onto one of the keywords.
std::string parenthesized_after(const Statement& statement, int64_t location, std::initializer_list<std::string_view> keywords);

// "line N, column M" of a byte offset.
std::pair<int, int> line_and_column(const std::string& text, size_t offset);

}  // namespace pgguard::lint
