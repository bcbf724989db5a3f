// lint-rules: alter-column-type, rename-column
"use strict";

module.exports = {
  async up(queryInterface, Sequelize) {
    // expect: alter-column-type
    await queryInterface.changeColumn("users", "age", { type: Sequelize.BIGINT });
    // STRING(50) to STRING(100) only touches the catalog: the replayed schema knows the old type
    await queryInterface.changeColumn("users", "nickname", { type: Sequelize.STRING(100) });
    // expect: rename-column
    await queryInterface.renameColumn("users", "nickname", "handle");
  },

  async down(queryInterface, Sequelize) {
    await queryInterface.renameColumn("users", "handle", "nickname");
    // expect: alter-column-type
    await queryInterface.changeColumn("users", "age", { type: Sequelize.INTEGER });
  },
};
