import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadline sweep (apps/worker/src/deadline-sweep.ts):
 * - `key` on timeline events and notices: a crossing that time alone made (a warning, an
 *   overdue) is written once per project and key, whether the sweep or the workflow's own later
 *   evaluation writes it first (deadlineKey in libs/approval/src/deadlines.ts). Unique among the
 *   sweep's rows (negative seq: two sweeps at once write one); the workflow's projection skips
 *   a key the sweep wrote, and the sweep a key anyone wrote. The workflow's own rows stay out of
 *   the index: a task the server never committed may have written a crossing under another seq,
 *   which the task replacing it deletes in the same statement as it writes its own;
 * - the index the sweep finds its projects by: running, with a risk instant that has passed.
 * The sweep's events take a negative seq from `notice_extra_seq`, as the rectifications' notices
 * do, which the workflow's projection never touches.
 */
export class DeadlineSweep1763890000000 implements MigrationInterface {
  name = 'DeadlineSweep1763890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "timeline_events" ADD "key" text`);
    await q.query(`ALTER TABLE "notices" ADD "key" text`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_timeline_events_key" ON "timeline_events" ("project_id", "key")
       WHERE "key" IS NOT NULL AND "seq" < 0`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_notices_key" ON "notices" ("project_id", "key")
       WHERE "key" IS NOT NULL AND "seq" < 0`,
    );
    await q.query(
      `CREATE INDEX "IDX_projects_next_instant" ON "projects" (LEAST("warns_at", "overdue_at"))
       WHERE "status" = 'IN_PROGRESS'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_projects_next_instant"`);
    await q.query(`DROP INDEX "UQ_notices_key"`);
    await q.query(`DROP INDEX "UQ_timeline_events_key"`);
    await q.query(`ALTER TABLE "notices" DROP COLUMN "key"`);
    await q.query(`ALTER TABLE "timeline_events" DROP COLUMN "key"`);
  }
}
