// lint-rules: rename-column
exports.up = (pgm) => {
  // expect: rename-column
  pgm.renameColumn("accounts", "name", "display_name");
};

exports.down = (pgm) => {
  pgm.renameColumn("accounts", "display_name", "name");
};
