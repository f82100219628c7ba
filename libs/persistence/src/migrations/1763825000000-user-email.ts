import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users get an e-mail address for notices and may turn mail off (the inbox stays). */
export class UserEmail1763825000000 implements MigrationInterface {
  name = 'UserEmail1763825000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "email" text`);
    await q.query(`ALTER TABLE "users" ADD "mail_notices" boolean NOT NULL DEFAULT true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" DROP COLUMN "mail_notices"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "email"`);
  }
}
