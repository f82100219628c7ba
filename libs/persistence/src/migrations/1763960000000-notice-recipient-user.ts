import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notice to one person (issue 27: the centre user who assigned a specialist, and the
 * specialist): `recipient_role` 'USER' with the person's username. Role notices leave it null.
 */
export class NoticeRecipientUser1763960000000 implements MigrationInterface {
  name = 'NoticeRecipientUser1763960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notices" ADD "recipient_username" text`);
    await q.query(
      `CREATE INDEX "IDX_notices_recipient_username" ON "notices" ("recipient_username")
       WHERE "recipient_username" IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_notices_recipient_username"`);
    await q.query(`ALTER TABLE "notices" DROP COLUMN "recipient_username"`);
  }
}
