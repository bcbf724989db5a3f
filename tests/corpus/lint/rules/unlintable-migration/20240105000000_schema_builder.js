// lint-rules: unlintable-migration
// the schema builder generates its SQL at run time
// expect-file: unlintable-migration
exports.up = function (knex) {
  return knex.schema.createTable("coupons", (table) => {
    table.uuid("id").primary();
    table.text("code").notNullable();
  });
};

exports.down = function (knex) {
  return knex.schema.dropTable("coupons");
};
