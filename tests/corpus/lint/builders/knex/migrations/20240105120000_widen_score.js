// lint-rules: alter-column-type
// knex alters a column with USING, which rewrites the table whatever the old type
exports.up = function (knex) {
  return knex.schema.alterTable("users", (t) => {
    // expect: alter-column-type
    t.bigInteger("score").alter();
  });
};

exports.down = function (knex) {
  return knex.schema.alterTable("users", (t) => {
    // expect: alter-column-type
    t.integer("score").alter();
  });
};
