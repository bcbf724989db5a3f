// lint-rules: concurrently-in-transaction, create-index-non-concurrent
import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrdersStatusIndex1710000100000 implements MigrationInterface {
  // CREATE INDEX CONCURRENTLY cannot run in the migration's transaction
  transaction = false;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX CONCURRENTLY "IDX_orders_status" ON "orders" ("status")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY "IDX_orders_status"`);
  }
}
