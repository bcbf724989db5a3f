// lint-rules: create-index-non-concurrent, parse-error
// The `user_id` index serves the dashboard; `address` lookups come from the redirect path.
const isMySQL = process.env.DB_CLIENT === 'mysql2';

exports.up = async function (knex) {
  // MySQL has no `IF NOT EXISTS` for indexes
  const ifNotExists = isMySQL ? '' : 'IF NOT EXISTS';
  // expect: create-index-non-concurrent
  await knex.raw(`CREATE INDEX ${ifNotExists} links_user_id_index ON links (user_id);`);
  // expect: create-index-non-concurrent
  await knex.raw(`CREATE INDEX ${ifNotExists} links_address_index ON links (address);`);
};

exports.down = async function (knex) {
  await knex.raw('DROP INDEX links_user_id_index');
  await knex.raw('DROP INDEX links_address_index');
};
