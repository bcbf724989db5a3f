// lint-rules: add-column-not-null-no-default
"use strict";

module.exports = {
  async up(queryInterface, Sequelize) {
    // expect: add-column-not-null-no-default
    await queryInterface.addColumn("users", "status", { type: Sequelize.STRING, allowNull: false });
    await queryInterface.addColumn("users", "tier", { type: Sequelize.STRING, allowNull: false, defaultValue: "basic" });
  },

  async down(queryInterface) {
    await queryInterface.removeColumn("users", "tier");
    await queryInterface.removeColumn("users", "status");
  },
};
