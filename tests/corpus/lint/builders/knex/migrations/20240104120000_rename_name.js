// lint-rules: rename-column
exports.up = function (knex) {
  return knex.schema.table("users", (t) => {
    // expect: rename-column
    t.renameColumn("name", "full_name");
  });
};

exports.down = function (knex) {
  return knex.schema.table("users", (t) => {
    t.renameColumn("full_name", "name");
  });
};
