import { MigrationInterface, QueryRunner } from 'typeorm';
import { SmokeRecords1763773200000 } from './1763773200000-smoke-records';

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
    await new SmokeRecords1763773200000().up(q);
  }
}
