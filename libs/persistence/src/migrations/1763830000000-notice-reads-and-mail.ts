import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read state per reader of a notice, and the outbox of mails to send for notices. */
export class NoticeReadsAndMail1763830000000 implements MigrationInterface {
  name = 'NoticeReadsAndMail1763830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "notice_reads" ("user_id" uuid NOT NULL, "project_id" uuid NOT NULL, "seq" bigint NOT NULL,
         "read_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "PK_notice_reads" PRIMARY KEY ("user_id", "project_id", "seq"))`,
    );
    await q.query(
      `CREATE TABLE "mail_outbox" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "project_id" uuid NOT NULL,
         "seq" bigint NOT NULL, "user_id" uuid NOT NULL,
         "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE,
         "message_id" text, "failed_at" TIMESTAMP WITH TIME ZONE, "error" text,
         CONSTRAINT "UQ_mail_outbox_notice_user" UNIQUE ("project_id", "seq", "user_id"),
         CONSTRAINT "PK_mail_outbox" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_mail_outbox_pending" ON "mail_outbox" ("created_at") WHERE sent_at IS NULL AND failed_at IS NULL`,
    );
    await q.query(
      `ALTER TABLE "notice_reads" ADD CONSTRAINT "FK_notice_reads_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "notice_reads" ADD CONSTRAINT "FK_notice_reads_notice" FOREIGN KEY ("project_id", "seq") REFERENCES "notices"("project_id","seq") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "mail_outbox" ADD CONSTRAINT "FK_mail_outbox_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "mail_outbox" ADD CONSTRAINT "FK_mail_outbox_notice" FOREIGN KEY ("project_id", "seq") REFERENCES "notices"("project_id","seq") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "mail_outbox"`);
    await q.query(`DROP TABLE "notice_reads"`);
  }
}
