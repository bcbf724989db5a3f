// lint-rules: unlintable-migration, drop-column
// knex.raw with literal SQL is linted; the statements of the down function count as a down migration
exports.up = async function (knex) {
  await knex.raw('ALTER TABLE orders ADD COLUMN note text');
  // expect: drop-column
  await knex.raw('ALTER TABLE orders DROP COLUMN legacy_code');
};

exports.down = async function (knex) {
  await knex.raw('ALTER TABLE orders DROP COLUMN note');
  await knex.raw('ALTER TABLE orders ADD COLUMN legacy_code text');
};
