#pragma once
#include <memory>
#include <string>
#include <vector>

#include "lint/migration.h"
#include "lint/node.h"

namespace pgguard::lint {

struct Comment {
  std::string text;  // including the -- or /* */ markers
  size_t offset = 0;  // into the file
  size_t end = 0;
  int line = 1;
};

struct Statement {
  Node node;              // {"CreateStmt": {...}}; invalid when parse_error is set
  std::string type;       // "CreateStmt"
  std::string text;       // as written, from its first token
  size_t offset = 0;      // into the file, of its first token
  int line = 1;
  int column = 1;
  size_t section = 0;     // index into MigrationFile::sections
  bool embedded = false;  // from a DO block or a PL/pgSQL function body
  std::string parse_error;
};

struct ParsedMigration {
  MigrationFile file;
  std::vector<Statement> statements;
  std::vector<Comment> comments;
  std::vector<std::unique_ptr<simdjson::dom::parser>> documents;  // own the parse trees
};

// Parses every section: statements with positions, comments from libpg_query's scanner, and the
// statements inside DO blocks and PL/pgSQL function bodies.
std::unique_ptr<ParsedMigration> parse_migration(MigrationFile file);

// "line N, column M" of a byte offset.
std::pair<int, int> line_and_column(const std::string& text, size_t offset);

}  // namespace pgguard::lint
