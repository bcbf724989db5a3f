#pragma once
// The schema-builder calls of JS/TS and Python migrations (node-pg-migrate, knex, Sequelize, TypeORM,
// Alembic) translated into the PostgreSQL statements those tools send, so that they are linted and
// replayed like SQL.
#include <string>

#include "lint/migration.h"

namespace pgguard::lint {

// Adds a section per statement the file's builder calls send (directions split at `down_at`), and an
// unlintable call for each call whose arguments are not literals. Translated sections run as `tx`
// says, like the file's raw SQL; sections stay in the order they run.
void add_builder_sections(MigrationFile& file, TxMode tx, size_t down_at);

// Whether the raw-SQL call `call` at `offset` is an expression inside a builder call (a column
// default such as `.defaultTo(knex.raw('now()'))`) rather than a statement of its own.
bool is_sql_fragment(const std::string& text, size_t offset, const std::string& call);

}  // namespace pgguard::lint
