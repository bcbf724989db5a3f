// lint-rules: add-column-not-null-no-default
exports.up = async function (knex) {
  await knex.schema.alterTable("users", (t) => {
    // expect: add-column-not-null-no-default
    t.string("status").notNullable();
  });
  await knex.schema.alterTable("users", (t) => {
    t.string("tier").notNullable().defaultTo("basic");
  });
};

exports.down = async function (knex) {
  await knex.schema.alterTable("users", (t) => {
    t.dropColumn("status");
    t.dropColumn("tier");
  });
};
