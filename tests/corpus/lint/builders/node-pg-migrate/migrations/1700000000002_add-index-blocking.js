// lint-rules: create-index-non-concurrent, concurrently-in-transaction
exports.up = (pgm) => {
  // expect: create-index-non-concurrent
  pgm.createIndex("accounts", "name");
  // node-pg-migrate runs the migration in a transaction unless the migration opts out
  // expect: concurrently-in-transaction
  pgm.createIndex("accounts", ["owner_id", "name"], { concurrently: true });
};

exports.down = (pgm) => {
  pgm.dropIndex("accounts", ["owner_id", "name"]);
  pgm.dropIndex("accounts", "name");
};
