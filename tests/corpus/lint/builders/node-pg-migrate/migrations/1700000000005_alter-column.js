// lint-rules: alter-column-type
exports.up = (pgm) => {
  // varchar(100) to text only touches the catalog: the replayed schema knows the old type
  pgm.alterColumn("accounts", "display_name", { type: "text" });
  // expect: alter-column-type
  pgm.alterColumn("accounts", "owner_id", { type: "bigint" });
};

exports.down = (pgm) => {
  // expect: alter-column-type
  pgm.alterColumn("accounts", "owner_id", { type: "integer" });
};
