// lint-rules: unlintable-call
const TABLE = "users";

exports.up = function (knex) {
  // expect: unlintable-call
  return knex.schema.alterTable(TABLE, (t) => {
    t.boolean("archived");
  });
};

exports.down = function (knex) {
  return knex.schema.alterTable("users", (t) => {
    t.dropColumn("archived");
  });
};
