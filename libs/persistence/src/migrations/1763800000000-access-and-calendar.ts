import { MigrationInterface, QueryRunner } from 'typeorm';

/** Agent delegations (one project) and mandates (all of an organisation's), and calendar years. */
export class AccessAndCalendar1763800000000 implements MigrationInterface {
  name = 'AccessAndCalendar1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "delegations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "project_id" uuid NOT NULL,
        "agent_username" text NOT NULL,
        "granted_by" text NOT NULL,
        "granted_at" timestamptz NOT NULL DEFAULT now(),
        "revoked_by" text,
        "revoked_at" timestamptz,
        CONSTRAINT "PK_delegations" PRIMARY KEY ("id"),
        CONSTRAINT "FK_delegations_project" FOREIGN KEY ("project_id")
          REFERENCES "projects" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_delegations_active" ON "delegations" ("project_id", "agent_username") WHERE revoked_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_delegations_agent" ON "delegations" ("agent_username") WHERE revoked_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE "mandates" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation" text NOT NULL,
        "agent_username" text NOT NULL,
        "granted_by" text NOT NULL,
        "granted_at" timestamptz NOT NULL DEFAULT now(),
        "revoked_by" text,
        "revoked_at" timestamptz,
        CONSTRAINT "PK_mandates" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_mandates_active" ON "mandates" ("organisation", "agent_username") WHERE revoked_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_mandates_agent" ON "mandates" ("agent_username") WHERE revoked_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE "calendar_years" (
        "year" integer NOT NULL,
        "official" boolean NOT NULL,
        "holidays" jsonb NOT NULL,
        "workdays" jsonb NOT NULL,
        "updated_by" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_calendar_years" PRIMARY KEY ("year")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "calendar_years"`);
    await q.query(`DROP TABLE "mandates"`);
    await q.query(`DROP TABLE "delegations"`);
  }
}
