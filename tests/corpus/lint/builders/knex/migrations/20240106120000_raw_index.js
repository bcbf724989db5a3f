// lint-rules: create-index-non-concurrent, concurrently-in-transaction
// transaction: false lets knex.raw run CREATE INDEX CONCURRENTLY
exports.config = { transaction: false };

exports.up = async function (knex) {
  await knex.raw("CREATE INDEX CONCURRENTLY users_score_idx ON users (score)");
};

exports.down = async function (knex) {
  await knex.raw("DROP INDEX CONCURRENTLY users_score_idx");
};
