// lint-rules: parse-error, unlintable-migration, unlintable-call
exports.up = (pgm) => {
  pgm.createTable("accounts", {
    id: "id",
    name: { type: "varchar(100)", notNull: true },
    owner_id: { type: "integer", notNull: true },
    created_at: { type: "timestamp", notNull: true, default: pgm.func("current_timestamp") },
  });
};

exports.down = (pgm) => {
  pgm.dropTable("accounts");
};
