import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A window officer's region (issue 26, 首接负责制): a hand-over goes to a window of another level
 * or region. Window officers there already get the default region `CN`; other roles have none.
 */
export class WindowRegion1763970000000 implements MigrationInterface {
  name = 'WindowRegion1763970000000';

  async up(q: QueryRunner): Promise<void> {
    // A code of `regions`, checked by the administrator's API (the users entity declares no
    // relation to the region table, which has no entity).
    await q.query(`ALTER TABLE "users" ADD "region" text`);
    await q.query(`UPDATE "users" SET "region" = 'CN' WHERE "role" = 'WINDOW_OFFICER'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" DROP COLUMN "region"`);
  }
}
