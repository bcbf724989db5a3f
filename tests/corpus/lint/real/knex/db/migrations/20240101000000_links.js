exports.up = async function (knex) {
  await knex.raw(`CREATE TABLE links (id uuid PRIMARY KEY, address text NOT NULL, user_id uuid, deleted_at timestamptz)`);
};

exports.down = async function (knex) {
  await knex.raw('DROP TABLE links');
};
