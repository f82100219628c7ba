import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation's smoke path (workflow, activity, `/api/smoke`) is gone; so is its table. The
 * migration that made it stays, so a database of any age migrates to the same schema.
 */
export class DropSmokeRecords1763820000000 implements MigrationInterface {
  name = 'DropSmokeRecords1763820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "smoke_records"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "smoke_records" (
        "workflow_id" varchar(200) PRIMARY KEY,
        "message" text NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }
}
