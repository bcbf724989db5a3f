// lint-rules: unlintable-migration
// the schema builder's calls are translated into the SQL knex sends, so the migration is linted
exports.up = function (knex) {
  return knex.schema.createTable("coupons", (table) => {
    table.uuid("id").primary();
    table.text("code").notNullable();
  });
};

exports.down = function (knex) {
  return knex.schema.dropTable("coupons");
};
