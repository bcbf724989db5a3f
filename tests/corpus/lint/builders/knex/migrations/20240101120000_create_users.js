// lint-rules: parse-error, unlintable-migration, unlintable-call, create-index-non-concurrent
// a knex.raw default is an expression of the column, and an index on a table created in the same
// migration blocks nobody
exports.up = function (knex) {
  return knex.schema.createTable("users", (t) => {
    t.increments();
    t.string("email").notNullable().unique();
    t.uuid("token").notNullable().defaultTo(knex.raw("gen_random_uuid()"));
    t.integer("score");
    t.string("name", 100);
    t.timestamps(true, true);
    t.index(["email"]);
  });
};

exports.down = function (knex) {
  return knex.schema.dropTable("users");
};
