// lint-rules: create-index-non-concurrent
import { MigrationInterface, QueryRunner, TableIndex } from "typeorm";

export class AddIndex1700000000001 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    // expect: create-index-non-concurrent
    await queryRunner.createIndex("users", new TableIndex({ name: "IDX_users_nickname", columnNames: ["nickname"] }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex("users", "IDX_users_nickname");
  }
}
