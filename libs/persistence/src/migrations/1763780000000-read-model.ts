import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read model the API lists and reports from: written by the projection activity after every
 * batch of workflow state changes (Temporal stays the system of record). Strings are `text`
 * without CHECK constraints so the domain's codes can grow without a migration; the activity
 * validates them.
 */
export class ReadModel1763780000000 implements MigrationInterface {
  name = 'ReadModel1763780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "projects" (
        "id" uuid NOT NULL,
        "name" text NOT NULL,
        "type" text NOT NULL,
        "region" text NOT NULL,
        "owner_organisation" text NOT NULL,
        "status" text NOT NULL DEFAULT 'IN_PROGRESS',
        "stage" text NOT NULL DEFAULT 'PLAN',
        "risk" text NOT NULL DEFAULT 'ON_TRACK',
        "limit_days" integer NOT NULL,
        "used_days" integer NOT NULL DEFAULT 0,
        "remaining_days" integer NOT NULL,
        "due_date" date,
        "calendar_version" text NOT NULL,
        "state" jsonb NOT NULL,
        "state_seq" bigint NOT NULL DEFAULT 0,
        "created_by" text,
        "idempotency_key" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_projects" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_projects_idempotency_key" UNIQUE ("idempotency_key")
      )`);
    for (const column of ['owner_organisation', 'stage', 'type', 'risk', 'status', 'updated_at']) {
      await q.query(`CREATE INDEX "IDX_projects_${column}" ON "projects" ("${column}")`);
    }

    await q.query(`
      CREATE TABLE "project_items" (
        "project_id" uuid NOT NULL,
        "code" text NOT NULL,
        "task_id" text NOT NULL,
        "name" text NOT NULL,
        "department" text NOT NULL,
        "stage" text NOT NULL,
        "theme" text NOT NULL,
        "status" text NOT NULL,
        "risk" text NOT NULL,
        "limit_days" integer NOT NULL,
        "used_days" integer NOT NULL,
        "due_date" date,
        "round" integer NOT NULL,
        "state_seq" bigint NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_project_items" PRIMARY KEY ("project_id", "code"),
        CONSTRAINT "UQ_project_items_task_id" UNIQUE ("task_id"),
        CONSTRAINT "FK_project_items_project" FOREIGN KEY ("project_id")
          REFERENCES "projects" ("id") ON DELETE CASCADE
      )`);
    // The officer queue: a department's items in a status, earliest due first.
    await q.query(
      `CREATE INDEX "IDX_project_items_queue" ON "project_items" ("department", "status", "due_date")`,
    );

    await q.query(`
      CREATE TABLE "timeline_events" (
        "project_id" uuid NOT NULL,
        "seq" bigint NOT NULL,
        "at" timestamptz NOT NULL,
        "actor" text NOT NULL,
        "role" text NOT NULL,
        "on_behalf_of" text,
        "type" text NOT NULL,
        "stage" text,
        "item_code" text,
        "detail" jsonb,
        "clock_effect" text,
        CONSTRAINT "PK_timeline_events" PRIMARY KEY ("project_id", "seq"),
        CONSTRAINT "FK_timeline_events_project" FOREIGN KEY ("project_id")
          REFERENCES "projects" ("id") ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE "notices" (
        "project_id" uuid NOT NULL,
        "seq" bigint NOT NULL,
        "at" timestamptz NOT NULL,
        "recipient_role" text NOT NULL,
        "department" text,
        "organisation" text,
        "kind" text NOT NULL,
        "item_code" text,
        "message" text NOT NULL,
        "expected_days" integer,
        "expected_until" date,
        "read_at" timestamptz,
        CONSTRAINT "PK_notices" PRIMARY KEY ("project_id", "seq"),
        CONSTRAINT "FK_notices_project" FOREIGN KEY ("project_id")
          REFERENCES "projects" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "IDX_notices_recipient" ON "notices" ("recipient_role", "department")`,
    );
    await q.query(`CREATE INDEX "IDX_notices_organisation" ON "notices" ("organisation")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "notices"`);
    await q.query(`DROP TABLE "timeline_events"`);
    await q.query(`DROP TABLE "project_items"`);
    await q.query(`DROP TABLE "projects"`);
  }
}
