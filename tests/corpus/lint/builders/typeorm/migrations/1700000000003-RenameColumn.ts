// lint-rules: rename-column, add-column-not-null-no-default
import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

export class RenameColumn1700000000003 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    // expect: rename-column
    await queryRunner.renameColumn("users", "nickname", "handle");
    // a TableColumn is NOT NULL unless isNullable is set
    // expect: add-column-not-null-no-default
    await queryRunner.addColumn("users", new TableColumn({ name: "status", type: "varchar" }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("users", "status");
    await queryRunner.renameColumn("users", "handle", "nickname");
  }
}
