import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notice mail is sent by the worker's mail sender from the outbox itself (issue 31: a Temporal
 * workflow per mail cost more than the decision that caused it). A row is claimed for a while
 * (`next_attempt_at` moved past the send), and a mail server that is down moves it by the
 * backoff; `attempts` counts the tries.
 */
export class MailAttempts1763980000000 implements MigrationInterface {
  name = 'MailAttempts1763980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mail_outbox" ADD "attempts" integer NOT NULL DEFAULT 0`);
    await q.query(
      `ALTER TABLE "mail_outbox" ADD "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await q.query(
      `CREATE INDEX "IDX_mail_outbox_due" ON "mail_outbox" ("next_attempt_at")
       WHERE sent_at IS NULL AND failed_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_mail_outbox_due"`);
    await q.query(`ALTER TABLE "mail_outbox" DROP COLUMN "next_attempt_at"`);
    await q.query(`ALTER TABLE "mail_outbox" DROP COLUMN "attempts"`);
  }
}
