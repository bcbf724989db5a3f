// lint-rules: parse-error, unlintable-migration, unlintable-call
import { MigrationInterface, QueryRunner, Table } from "typeorm";

export class CreateUsers1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "users",
        columns: [
          { name: "id", type: "int", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "email", type: "varchar", length: "255", isUnique: true },
          { name: "nickname", type: "varchar", length: "50", isNullable: true },
          { name: "created_at", type: "timestamptz", default: "now()" },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("users");
  }
}
