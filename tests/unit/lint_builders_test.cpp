// Schema-builder calls of JS/TS and Python migrations become the SQL their tool sends.
#include <catch2/catch.hpp>

#include "lint/builders/reader.h"
#include "lint/linter.h"
#include "lint/migration.h"

using namespace pgguard::lint;

namespace {

// No directory behind these paths, so no history is replayed.
std::vector<std::string> up_sql(const std::string& path, const std::string& text, Tool tool) {
  std::vector<std::string> sql;
  for (const auto& section : read_migration(path, text, tool).sections)
    if (section.direction == Direction::Up) sql.push_back(section.sql);
  return sql;
}

std::vector<std::string> all_sql(const MigrationFile& file) {
  std::vector<std::string> sql;
  for (const auto& s : file.sections) sql.push_back(s.sql);
  return sql;
}

std::vector<std::string> knex(const std::string& text) { return up_sql("/nonexistent/migrations/20240101120000_x.js", text, Tool::Knex); }

size_t count_rule(const LintResult& result, const std::string& rule) {
  size_t n = 0;
  for (const auto& f : result.findings) n += f.rule == rule;
  return n;
}

}  // namespace

TEST_CASE("builders: knex createTable compiles as knex's PostgreSQL dialect does", "[lint][builders]") {
  auto sql = knex(R"(exports.up = function (knex) {
  return knex.schema.createTable('users', (t) => {
    t.increments();
    t.string('email').notNullable().unique();
    t.uuid('token').defaultTo(knex.raw('gen_random_uuid()'));
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('org_id').references('id').inTable('orgs').onDelete('CASCADE');
    t.timestamps(true, true);
    t.index(['org_id', 'email']);
  });
};
exports.down = (knex) => knex.schema.dropTable('users');
)");
  REQUIRE(sql.size() == 4);
  CHECK(sql[0] ==
        "create table \"users\" (\"id\" serial primary key, \"email\" varchar(255) not null, \"token\" uuid default gen_random_uuid(), "
        "\"active\" boolean not null default '1', \"org_id\" integer, \"created_at\" timestamptz not null default CURRENT_TIMESTAMP, "
        "\"updated_at\" timestamptz not null default CURRENT_TIMESTAMP)");
  CHECK(sql[1] == "alter table \"users\" add constraint \"users_email_unique\" unique (\"email\")");
  CHECK(sql[2] == "alter table \"users\" add constraint \"users_org_id_foreign\" foreign key (\"org_id\") references \"orgs\" (\"id\") on delete CASCADE");
  CHECK(sql[3] == "create index \"users_org_id_email_index\" on \"users\" (\"org_id\", \"email\")");
}

TEST_CASE("builders: knex calls inside callbacks, an explicit primary key, and alterTable", "[lint][builders]") {
  CHECK(knex("exports.up = (knex) => knex.schema.hasTable('a').then((exists) => knex.schema.createTable('a', (t) => { t.text('x'); }));") ==
        std::vector<std::string>{"create table \"a\" (\"x\" text)"});
  CHECK(knex("knex.schema.createTable('t', (t) => { t.bigIncrements('id').primary(); })") ==
        std::vector<std::string>{"create table \"t\" (\"id\" bigserial, constraint \"t_pkey\" primary key (\"id\"))"});
  auto sql = knex(R"(exports.up = async (knex) => {
  await knex.schema.alterTable('users', function (table) {
    table.string('name', 100);
    table.bigInteger('score').notNullable().alter();
    table.renameColumn('email', 'mail');
    table.dropColumn('legacy');
  });
  await knex.schema.renameTable('users', 'people');
};)");
  CHECK(sql == std::vector<std::string>{
                   "alter table \"users\" add column \"name\" varchar(100)",
                   "alter table \"users\" alter column \"score\" drop default",
                   "alter table \"users\" alter column \"score\" drop not null",
                   "alter table \"users\" alter column \"score\" type bigint using (\"score\"::bigint)",
                   "alter table \"users\" alter column \"score\" set not null",
                   "alter table \"users\" rename \"email\" to \"mail\"",
                   "alter table \"users\" drop column \"legacy\"",
                   "alter table \"users\" rename to \"people\""});
}

TEST_CASE("builders: a knex.raw column default is an expression, a knex.raw statement stays one", "[lint][builders]") {
  std::string text = R"(exports.up = async function (knex) {
  await knex.schema.createTable('tokens', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
  });
  await knex.raw('CREATE INDEX tokens_id_idx ON tokens (id)');
};)";
  auto sql = knex(text);
  REQUIRE(sql.size() == 2);
  CHECK(sql[0] == "create table \"tokens\" (\"id\" uuid default gen_random_uuid(), constraint \"tokens_pkey\" primary key (\"id\"))");
  CHECK(sql[1] == "CREATE INDEX tokens_id_idx ON tokens (id)");
  CHECK(knex("exports.up = (knex) => Promise.all([knex.raw('DROP TABLE a'), knex.raw('DROP TABLE b')]);").size() == 2);
  LintResult result = lint_text("/nonexistent/migrations/20240101120000_tokens.js", text, {});
  CHECK(count_rule(result, "parse-error") == 0);
  CHECK(count_rule(result, "unlintable-migration") == 0);
}

TEST_CASE("builders: node-pg-migrate calls, their default names and noTransaction", "[lint][builders]") {
  std::string text = R"(exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.createTable('accounts', {
    id: 'id',
    name: { type: 'varchar(100)', notNull: true },
    kind: { type: 'string', default: 'basic' },
    created_at: { type: 'timestamp', notNull: true, default: pgm.func('current_timestamp') },
    owner_id: { type: 'integer', references: 'users', onDelete: 'CASCADE' },
  });
  pgm.addColumns('accounts', { plan: { type: 'text', notNull: true } });
  pgm.createIndex('accounts', ['owner_id', 'name'], { concurrently: true, unique: true });
  pgm.alterColumn('accounts', 'name', { type: 'text', notNull: false });
  pgm.renameColumn('accounts', 'kind', 'tier');
};)";
  MigrationFile file = read_migration("/nonexistent/migrations/1700000000000_accounts.js", text, Tool::NodePgMigrate);
  REQUIRE(file.sections.size() == 5);
  CHECK(file.sections[0].sql ==
        "CREATE TABLE \"accounts\" (\"id\" serial PRIMARY KEY, \"name\" varchar(100) NOT NULL, \"kind\" text DEFAULT $pga$basic$pga$, "
        "\"created_at\" timestamp DEFAULT current_timestamp NOT NULL, \"owner_id\" integer REFERENCES \"users\" ON DELETE CASCADE);");
  CHECK(file.sections[1].sql == "ALTER TABLE \"accounts\" ADD \"plan\" text NOT NULL;");
  CHECK(file.sections[2].sql == "CREATE UNIQUE INDEX CONCURRENTLY \"accounts_owner_id_name_unique_index\" ON \"accounts\" (\"owner_id\", \"name\");");
  CHECK(file.sections[3].sql == "ALTER TABLE \"accounts\" ALTER \"name\" SET DATA TYPE text, ALTER \"name\" DROP NOT NULL;");
  CHECK(file.sections[4].sql == "ALTER TABLE \"accounts\" RENAME \"kind\" TO \"tier\";");
  CHECK(file.sections[2].first_line == 11);
  for (const auto& section : file.sections) CHECK(section.tx == TxMode::Autocommit);
}

TEST_CASE("builders: Sequelize queryInterface calls", "[lint][builders]") {
  std::string text = R"(module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('Users', {
      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
      email: { type: Sequelize.STRING, allowNull: false, unique: true },
      teamId: { type: Sequelize.DataTypes.INTEGER, references: { model: 'Teams', key: 'id' }, onDelete: 'cascade' },
      createdAt: { type: Sequelize.DATE, allowNull: false, defaultValue: Sequelize.fn('now') },
    });
    await queryInterface.addColumn('Users', 'age', { type: Sequelize.INTEGER, allowNull: false, defaultValue: 0 });
    await queryInterface.addIndex('Users', ['teamId'], { concurrently: true });
    await queryInterface.changeColumn('Users', 'email', { type: Sequelize.STRING(320), allowNull: true });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('Users');
  },
};)";
  MigrationFile file = read_migration("/nonexistent/migrations/20240101120000-create-users.js", text, Tool::Sequelize);
  CHECK(all_sql(file) == std::vector<std::string>{
                   "CREATE TABLE IF NOT EXISTS \"Users\" (\"id\" SERIAL, \"email\" VARCHAR(255) NOT NULL UNIQUE, \"teamId\" INTEGER REFERENCES "
                   "\"Teams\" (\"id\") ON DELETE CASCADE, \"createdAt\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), PRIMARY KEY (\"id\"));",
                   "ALTER TABLE \"Users\" ADD COLUMN \"age\" INTEGER NOT NULL DEFAULT 0;",
                   "CREATE INDEX CONCURRENTLY \"users_team_id\" ON \"Users\" (\"teamId\");",
                   "ALTER TABLE \"Users\" ALTER COLUMN \"email\" DROP NOT NULL;",
                   "ALTER TABLE \"Users\" ALTER COLUMN \"email\" DROP DEFAULT;",
                   "ALTER TABLE \"Users\" ALTER COLUMN \"email\" TYPE VARCHAR(320);",
                   "DROP TABLE IF EXISTS \"Users\";"});
  CHECK(file.sections.back().direction == Direction::Down);
  CHECK(file.sections[0].tx == TxMode::Autocommit);
}

TEST_CASE("builders: TypeORM QueryRunner calls", "[lint][builders]") {
  std::string text = R"(import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from "typeorm";

export class CreateUsers1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(new Table({
      name: "users",
      columns: [
        { name: "id", type: "int", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
        { name: "email", type: "varchar", length: "255", isUnique: true },
        { name: "bio", type: "text", isNullable: true },
      ],
    }), true);
    await queryRunner.addColumn("users", new TableColumn({ name: "age", type: "int", default: 0 }));
    await queryRunner.createIndex("users", new TableIndex({ name: "IDX_users_age", columnNames: ["age"] }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("users");
  }
}
)";
  MigrationFile file = read_migration("/nonexistent/migrations/1700000000000-CreateUsers.ts", text);
  CHECK(file.tool == Tool::TypeOrm);
  CHECK(all_sql(file) == std::vector<std::string>{
                   "CREATE TABLE IF NOT EXISTS \"users\" (\"id\" SERIAL NOT NULL, \"email\" character varying(255) NOT NULL, \"bio\" text, "
                   "UNIQUE (\"email\"), PRIMARY KEY (\"id\"))",
                   "ALTER TABLE \"users\" ADD \"age\" integer NOT NULL DEFAULT 0",
                   "CREATE INDEX \"IDX_users_age\" ON \"users\" (\"age\")",
                   "DROP TABLE \"users\""});
  CHECK(file.sections[0].tx == TxMode::Single);
  CHECK(file.sections.back().direction == Direction::Down);
}

TEST_CASE("builders: Alembic op directives", "[lint][builders]") {
  std::string text = R"py(import sqlalchemy as sa
from alembic import op


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("org_id", sa.Integer(), sa.ForeignKey("orgs.id", ondelete="CASCADE")),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()")),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("email", name="uq_users_email"),
    )
    op.alter_column("users", "email", type_=sa.Text(), nullable=True, new_column_name="mail")
    with op.get_context().autocommit_block():
        op.create_index(op.f("ix_users_org_id"), "users", ["org_id"], postgresql_concurrently=True)
    op.drop_column("users", "legacy")


def downgrade():
    op.drop_table("users")
)py";
  MigrationFile file = read_migration("/nonexistent/alembic/versions/1a2b3c4d5e6f_users.py", text);
  CHECK(all_sql(file) == std::vector<std::string>{
                   "CREATE TABLE users (id SERIAL NOT NULL, email VARCHAR(255) NOT NULL, org_id INTEGER, created_at TIMESTAMP WITH TIME ZONE "
                   "DEFAULT now(), PRIMARY KEY (id), FOREIGN KEY(org_id) REFERENCES orgs (id) ON DELETE CASCADE, CONSTRAINT uq_users_email "
                   "UNIQUE (email))",
                   "ALTER TABLE users ALTER COLUMN email TYPE TEXT",
                   "ALTER TABLE users ALTER COLUMN email DROP NOT NULL",
                   "ALTER TABLE users RENAME email TO mail",
                   "CREATE INDEX CONCURRENTLY ix_users_org_id ON users (org_id)",
                   "ALTER TABLE users DROP COLUMN legacy",
                   "DROP TABLE users"});
  REQUIRE(file.sections.size() == 7);
  CHECK(file.sections[4].tx == TxMode::Autocommit);
  CHECK(file.sections[6].direction == Direction::Down);
}

TEST_CASE("builders: a call with arguments that are not literals is one unlintable-call finding", "[lint][builders]") {
  std::string text = R"(const TABLE = 'orders';
const extra = { note: { type: 'text' } };
exports.up = (pgm) => {
  pgm.addColumns(TABLE, { archived: { type: 'boolean' } });
  pgm.addColumns('orders', { ...extra });
  pgm.createType('mood', ['happy', 'sad']);
  pgm.dropColumns('orders', ['legacy']);
};)";
  MigrationFile file = read_migration("/nonexistent/migrations/1700000000000_orders.js", text, Tool::NodePgMigrate);
  REQUIRE(file.unlintable_calls.size() == 3);
  CHECK(file.unlintable_calls[0].line == 4);
  CHECK(file.unlintable_calls[0].message.find("pgm.addColumns") != std::string::npos);
  CHECK(file.unlintable_calls[0].fix.find("pgm.sql") != std::string::npos);
  CHECK(file.unlintable_calls[1].line == 5);
  CHECK(file.unlintable_calls[2].message.find("pgm.createType") != std::string::npos);
  REQUIRE(file.sections.size() == 1);
  CHECK(file.sections[0].sql == "ALTER TABLE \"orders\" DROP \"legacy\";");

  LintResult result = lint_text("/nonexistent/migrations/1700000000000_orders.js", text, {});
  CHECK(count_rule(result, "unlintable-call") == 3);
  CHECK(count_rule(result, "unlintable-migration") == 0);
}

TEST_CASE("builders: the reader never fails on arbitrary or truncated text", "[lint][builders]") {
  using builders::Language;
  using builders::read_expression;
  std::string nested(5000, '(');
  for (const std::string& text : {std::string("knex.schema.createTable('a', (t) => { t.string('x'"), std::string("pgm.createTable({[}])"),
                                  nested, std::string("op.create_table(\"t\", sa.Column(\"a\", sa.Integer(), **kw), *cols"),
                                  std::string("x.y(`a${b}`, 'unterminated"), std::string("")}) {
    for (Language language : {Language::JavaScript, Language::Python}) {
      size_t budget = 100000;
      builders::Value v = read_expression(text, 0, language, budget);
      CHECK(!v.literal());
    }
  }
  size_t budget = 3;  // t . string: the call is cut off
  CHECK(read_expression("t.string('email')", 0, Language::JavaScript, budget).links.size() == 2);
  CHECK(budget == 0);
  budget = 100;
  auto v = read_expression("t.string('email', 100).notNullable()", 0, Language::JavaScript, budget);
  REQUIRE(v.links.size() == 3);
  CHECK(v.links[1].args[0].text == "email");
  CHECK(v.links[1].args[1].text == "100");
  CHECK(v.links[2].called);
}
