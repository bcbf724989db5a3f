// lint-rules: unlintable-migration
// the table name is only known at run time
// expect-file: unlintable-migration
import type { Knex } from "knex";

const TABLES = ["orders", "carts"];

export async function up(knex: Knex): Promise<void> {
  for (const table of TABLES) {
    await knex.raw(`ALTER TABLE ${table} ADD COLUMN archived boolean NOT NULL DEFAULT false`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of TABLES) {
    await knex.raw(`ALTER TABLE ${table} DROP COLUMN archived`);
  }
}
