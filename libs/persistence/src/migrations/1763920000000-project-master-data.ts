import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A project's identity and master data (issue 28): the investment project code, unique when
 * given, and the rest as one JSON object (ProjectMasterData); `master_seq` counts its edits and
 * is part of the row's version, so a cached report of the old master data is not served again.
 */
export class ProjectMasterData1763920000000 implements MigrationInterface {
  name = 'ProjectMasterData1763920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "projects" ADD "project_code" text`);
    await q.query(`ALTER TABLE "projects" ADD "master_data" jsonb`);
    await q.query(`ALTER TABLE "projects" ADD "master_seq" integer NOT NULL DEFAULT 0`);
    await q.query(`CREATE UNIQUE INDEX "UQ_projects_project_code" ON "projects" ("project_code")`);
    // The lists' q= matches the name or the code: both sides of the OR use a trigram index.
    await q.query(
      `CREATE INDEX "IDX_projects_project_code_trgm" ON "projects"
       USING gin ("project_code" gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_projects_project_code_trgm"`);
    await q.query(`DROP INDEX "UQ_projects_project_code"`);
    await q.query(`ALTER TABLE "projects" DROP COLUMN "master_seq"`);
    await q.query(`ALTER TABLE "projects" DROP COLUMN "master_data"`);
    await q.query(`ALTER TABLE "projects" DROP COLUMN "project_code"`);
  }
}
