import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Key projects and their specialists (issue 27): the service centre's flag on the project row,
 * the specialist assignments (one PROPOSED or ACTIVE at a time; declined and replaced ones stay
 * as history), the specialist's plan, and the agent team on the users. `service_seq` counts the
 * service's changes and is part of the row's version, so a cached report or list summary of the
 * old flag or specialist is not served again.
 */
export class KeyProjects1763930000000 implements MigrationInterface {
  name = 'KeyProjects1763930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "projects" ADD "key_reason" text`);
    await q.query(`ALTER TABLE "projects" ADD "key_since" timestamptz`);
    await q.query(`ALTER TABLE "projects" ADD "key_by" text`);
    await q.query(`ALTER TABLE "projects" ADD "service_seq" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "users" ADD "agent_team" boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE "project_specialists" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "project_id" uuid NOT NULL,
        "username" text NOT NULL,
        "status" text NOT NULL,
        "assigned_by" text NOT NULL,
        "assigned_at" timestamptz NOT NULL DEFAULT now(),
        "answered_by" text,
        "answered_at" timestamptz,
        CONSTRAINT "PK_project_specialists" PRIMARY KEY ("id"),
        CONSTRAINT "FK_project_specialists_project" FOREIGN KEY ("project_id")
          REFERENCES "projects" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_project_specialists_current" ON "project_specialists" ("project_id")
       WHERE status IN ('PROPOSED', 'ACTIVE')`,
    );
    await q.query(
      `CREATE INDEX "IDX_project_specialists_active" ON "project_specialists" ("username")
       WHERE status = 'ACTIVE'`,
    );
    await q.query(`
      CREATE TABLE "project_plans" (
        "project_id" uuid NOT NULL,
        "targets" jsonb NOT NULL,
        "set_by" text NOT NULL,
        "set_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_project_plans" PRIMARY KEY ("project_id"),
        CONSTRAINT "FK_project_plans_project" FOREIGN KEY ("project_id")
          REFERENCES "projects" ("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "project_plans"`);
    await q.query(`DROP TABLE "project_specialists"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "agent_team"`);
    await q.query(`ALTER TABLE "projects" DROP COLUMN "service_seq"`);
    await q.query(`ALTER TABLE "projects" DROP COLUMN "key_by"`);
    await q.query(`ALTER TABLE "projects" DROP COLUMN "key_since"`);
    await q.query(`ALTER TABLE "projects" DROP COLUMN "key_reason"`);
  }
}
