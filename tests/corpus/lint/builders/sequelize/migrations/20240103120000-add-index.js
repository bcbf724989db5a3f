// lint-rules: create-index-non-concurrent, concurrently-in-transaction
"use strict";

// Sequelize sends each queryInterface call on its own, outside a transaction
module.exports = {
  async up(queryInterface) {
    // expect: create-index-non-concurrent
    await queryInterface.addIndex("users", ["status"]);
    await queryInterface.addIndex("users", ["tier"], { concurrently: true });
  },

  async down(queryInterface) {
    await queryInterface.removeIndex("users", ["tier"]);
    await queryInterface.removeIndex("users", ["status"]);
  },
};
