// lint-rules: unlintable-call, unlintable-migration
const columns = { archived: { type: "boolean" } };

exports.up = (pgm) => {
  // expect: unlintable-call
  pgm.addColumns("accounts", { ...columns });
};

exports.down = (pgm) => {
  pgm.dropColumns("accounts", ["archived"]);
};
