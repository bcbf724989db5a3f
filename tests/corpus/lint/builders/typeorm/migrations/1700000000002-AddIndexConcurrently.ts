// lint-rules: create-index-non-concurrent, concurrently-in-transaction
import { MigrationInterface, QueryRunner, TableIndex } from "typeorm";

// transaction = false lets TypeORM run CREATE INDEX CONCURRENTLY
export class AddIndexConcurrently1700000000002 implements MigrationInterface {
  public transaction = false;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex("users", new TableIndex({ name: "IDX_users_created_at", columnNames: ["created_at"], isConcurrent: true }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY "IDX_users_created_at"`);
  }
}
