// lint-rules: create-index-non-concurrent, concurrently-in-transaction
// noTransaction lets CREATE INDEX CONCURRENTLY run
exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.createIndex("accounts", "owner_id", { concurrently: true });
};

exports.down = (pgm) => {
  pgm.noTransaction();
  pgm.dropIndex("accounts", "owner_id", { concurrently: true });
};
