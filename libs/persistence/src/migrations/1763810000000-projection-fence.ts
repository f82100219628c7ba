import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which workflow task wrote the project row last: (run, history length). A write from a task the
 * server never committed (a crash mid-task) is overwritten by the task that replaced it.
 */
export class ProjectionFence1763810000000 implements MigrationInterface {
  name = 'ProjectionFence1763810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "projects"
      ADD COLUMN "fence_run" integer NOT NULL DEFAULT 0,
      ADD COLUMN "fence_history" bigint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "projects" DROP COLUMN "fence_history", DROP COLUMN "fence_run"`);
  }
}
