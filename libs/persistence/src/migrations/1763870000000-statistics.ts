import { MigrationInterface, QueryRunner } from 'typeorm';

/** `state.stages` order, as of this migration (a migration does not follow later code). */
const STAGES = ['PLAN', 'START_PERMIT', 'COMPLETION'];

/**
 * What `GET /api/statistics` filters on by date, so it reads only the rows of its range:
 * - `project_items.decided_on`: the day of the item's decision (APPROVED / REJECTED), from the
 *   state's `decidedOn`; null for every other status. Filled for existing rows.
 * - expression indexes over the project state's `closedOn` (completed projects) and each stage's
 *   `completedOn` (`state.stages` is in `STAGE_CODES` order in every project, old ones too).
 * - open overdue items by department (the "overdue now" column).
 */
export class Statistics1763870000000 implements MigrationInterface {
  name = 'Statistics1763870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "project_items" ADD "decided_on" date`);
    await q.query(
      `UPDATE "project_items" i SET "decided_on" = (x->>'decidedOn')::date
       FROM "projects" p, jsonb_array_elements(p."state"->'items') x
       WHERE p."id" = i."project_id" AND x->>'code' = i."code"
         AND i."status" IN ('APPROVED', 'REJECTED') AND x->>'decidedOn' IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_project_items_decided_on" ON "project_items" ("decided_on")
       WHERE "decided_on" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_project_items_overdue" ON "project_items" ("department")
       WHERE "risk" = 'OVERDUE'`,
    );
    await q.query(
      `CREATE INDEX "IDX_projects_closed_on" ON "projects" (("state"->>'closedOn'))
       WHERE "status" = 'COMPLETED'`,
    );
    for (const [n, code] of STAGES.entries()) {
      await q.query(
        `CREATE INDEX "IDX_projects_stage_completed_${code}" ON "projects"
           (("state" #>> '{stages,${n},completedOn}'))`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const code of STAGES) {
      await q.query(`DROP INDEX "IDX_projects_stage_completed_${code}"`);
    }
    await q.query(`DROP INDEX "IDX_projects_closed_on"`);
    await q.query(`DROP INDEX "IDX_project_items_overdue"`);
    await q.query(`DROP INDEX "IDX_project_items_decided_on"`);
    await q.query(`ALTER TABLE "project_items" DROP COLUMN "decided_on"`);
  }
}
