import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 告知承诺制 (issue 27): an item approved on commitment carries its follow-up check's due date
 * while the check is open, so the department's queue finds it (also after its project completed);
 * the statistics count approvals on commitment, checks and revocations by their day.
 */
export class CommitmentChecks1763940000000 implements MigrationInterface {
  name = 'CommitmentChecks1763940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "project_items" ADD "check_due" date`);
    await q.query(
      `CREATE INDEX "IDX_project_items_check_due" ON "project_items" ("department", "check_due")
       WHERE "check_due" IS NOT NULL`,
    );
    // The statistics' approvals on commitment, checks and revocations, by day (express-lanes.ts).
    await q.query(
      `CREATE INDEX "IDX_timeline_events_commitment" ON "timeline_events" ("at")
       WHERE "type" IN ('ITEM_REVOKED', 'COMMITMENT_CHECK_PASSED')
          OR ("type" = 'ITEM_APPROVED' AND "detail" ? 'onCommitment')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_timeline_events_commitment"`);
    await q.query(`DROP INDEX "IDX_project_items_check_due"`);
    await q.query(`ALTER TABLE "project_items" DROP COLUMN "check_due"`);
  }
}
