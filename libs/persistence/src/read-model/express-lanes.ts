/**
 * The express lanes' statistics (issue 27), counted in SQL over the read model like the rest of
 * statistics.ts (its filter, its department rule):
 * - **Approved on commitment** (告知承诺): approvals on commitment made in [from, to]; **checks
 *   passed** and **revoked** (a failed follow-up check): checks made in the range. By the
 *   timeline event's day (IDX_timeline_events_commitment); with a department, its items.
 * - **Handovers**: each stage completed in [from, to] whose next stage was accepted, with the
 *   days of both and whether the next stage was pre-reviewed (预审); the service counts the
 *   working days in (completedOn, acceptedOn] by the calendar, with and without pre-review.
 */
import { STAGE_CODES } from '../../../domain/src';
import type { Db } from './db';
import type { StatisticsFilter } from './statistics';

export interface CommitmentCounts {
  approvedOnCommitment: number;
  checksPassed: number;
  revoked: number;
}

export interface Handover {
  preReviewed: boolean;
  completedOn: string;
  acceptedOn: string;
  count: number;
}

export async function commitmentCounts(
  db: Db,
  { from, to, department }: StatisticsFilter,
): Promise<CommitmentCounts> {
  const [r] = await db.query<{ approved: string; passed: string; revoked: string }[]>(
    `SELECT count(*) FILTER (WHERE e.type = 'ITEM_APPROVED') AS approved,
            count(*) FILTER (WHERE e.type = 'COMMITMENT_CHECK_PASSED') AS passed,
            count(*) FILTER (WHERE e.type = 'ITEM_REVOKED') AS revoked
     FROM timeline_events e
     WHERE (e.type IN ('ITEM_REVOKED', 'COMMITMENT_CHECK_PASSED')
            OR (e.type = 'ITEM_APPROVED' AND e.detail ? 'onCommitment'))
       AND (e.at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1::date AND $2::date
       AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM project_items d
         WHERE d.project_id = e.project_id AND d.code = e.item_code AND d.department = $3))`,
    [from, to, department ?? null],
  );
  return {
    approvedOnCommitment: Number(r.approved),
    checksPassed: Number(r.passed),
    revoked: Number(r.revoked),
  };
}

/** Stages completed in the range and the next stage's acceptance, grouped by their days. */
export async function stageHandovers(
  db: Db,
  { from, to, department }: StatisticsFilter,
): Promise<Handover[]> {
  // Selected by the indexed completion days, as completedStageSpans does.
  const inRange = STAGE_CODES.map(
    (_, n) => `(p.stage_dates #>> '{${n},completedOn}') BETWEEN $1 AND $2`,
  ).join(' OR ');
  const rows = await db.query<
    { pre: boolean; completed_on: string; accepted_on: string; n: string }[]
  >(
    `SELECT (nx ? 'preReviewed') AS pre, cur->>'completedOn' AS completed_on,
            nx->>'acceptedOn' AS accepted_on, count(*) AS n
     FROM projects p
       CROSS JOIN LATERAL generate_series(0, jsonb_array_length(p.stage_dates) - 2) AS k
       CROSS JOIN LATERAL (SELECT p.stage_dates -> k AS cur, p.stage_dates -> (k + 1) AS nx) s
     WHERE (${inRange})
       AND (cur->>'completedOn') BETWEEN $1 AND $2 AND nx->>'acceptedOn' IS NOT NULL
       AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM project_items d
         WHERE d.project_id = p.id AND d.department = $3 AND d.stage = nx->>'code'))
     GROUP BY 1, 2, 3`,
    [from, to, department ?? null],
  );
  return rows.map((r) => ({
    preReviewed: r.pre,
    completedOn: r.completed_on,
    acceptedOn: r.accepted_on,
    count: Number(r.n),
  }));
}
