// lint-rules: unlintable-migration, mutation-without-where
module.exports = {
  async up(queryInterface) {
    // expect: mutation-without-where
    await queryInterface.sequelize.query("UPDATE orders SET status = 'new'");
    await queryInterface.sequelize.query("UPDATE orders SET status = 'open' WHERE status = ''");
  },

  async down(queryInterface) {
    await queryInterface.sequelize.query("UPDATE orders SET status = '' WHERE status = 'open'");
  },
};
