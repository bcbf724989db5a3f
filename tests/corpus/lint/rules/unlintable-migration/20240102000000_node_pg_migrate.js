// lint-rules: unlintable-migration, rename-table
exports.up = (pgm) => {
  pgm.sql(`
    -- expect: rename-table
    ALTER TABLE carts RENAME TO baskets;
  `);
};

exports.down = (pgm) => {
  pgm.sql(`ALTER TABLE baskets RENAME TO carts;`);
};
