// lint-rules: add-column-not-null-no-default
exports.up = (pgm) => {
  // expect: add-column-not-null-no-default
  pgm.addColumns("accounts", { plan: { type: "text", notNull: true } });
  pgm.addColumns("accounts", { region: { type: "text", notNull: true, default: "eu" } });
};

exports.down = (pgm) => {
  pgm.dropColumns("accounts", ["plan", "region"]);
};
