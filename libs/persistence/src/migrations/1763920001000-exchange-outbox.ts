import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exchange with the provincial / national platform (libs/exchange): `exchange_outbox` holds
 * every SPGL row to send, written in the transaction of the read-model write that caused it, in
 * the order to send (id); `exchange_latest` the newest version of each row by its local key
 * (DFSJZJ), so a write that changes nothing appends nothing and a correction knows the row it
 * invalidates.
 */
export class ExchangeOutbox1763920001000 implements MigrationInterface {
  name = 'ExchangeOutbox1763920001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "exchange_outbox" (
        "id" bigserial NOT NULL,
        "project_id" uuid NOT NULL,
        "table_name" text NOT NULL,
        "dfsjzj" text NOT NULL,
        "fields" jsonb NOT NULL,
        "state" text NOT NULL DEFAULT 'WAITING',
        "error" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz,
        CONSTRAINT "PK_exchange_outbox" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_exchange_outbox_state" CHECK ("state" IN ('WAITING', 'SENT', 'HELD'))
      )`,
    );
    await q.query(
      `CREATE INDEX "IDX_exchange_outbox_waiting" ON "exchange_outbox" ("id")
       WHERE "state" = 'WAITING'`,
    );
    await q.query(
      `CREATE INDEX "IDX_exchange_outbox_project" ON "exchange_outbox" ("project_id", "table_name")`,
    );
    await q.query(
      `CREATE TABLE "exchange_latest" (
        "table_name" text NOT NULL,
        "dfsjzj" text NOT NULL,
        "project_id" uuid NOT NULL,
        "fields" jsonb NOT NULL,
        CONSTRAINT "PK_exchange_latest" PRIMARY KEY ("table_name", "dfsjzj")
      )`,
    );
    await q.query(`CREATE INDEX "IDX_exchange_latest_project" ON "exchange_latest" ("project_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "exchange_latest"`);
    await q.query(`DROP TABLE "exchange_outbox"`);
  }
}
