import { MigrationInterface, QueryRunner } from 'typeorm';
// Dropped by 1763820000000-drop-smoke-records; kept so a database of any age migrates alike.

export class SmokeRecords1763773200000 implements MigrationInterface {
  name = 'SmokeRecords1763773200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "smoke_records" (
        "workflow_id" varchar(200) PRIMARY KEY,
        "message" text NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "smoke_records"`);
  }
}
