// lint-rules: create-index-non-concurrent
exports.up = function (knex) {
  return knex.schema.alterTable("users", (t) => {
    // expect: create-index-non-concurrent
    t.index(["token"]);
  });
};

exports.down = function (knex) {
  return knex.schema.alterTable("users", (t) => {
    t.dropIndex(["token"]);
  });
};
