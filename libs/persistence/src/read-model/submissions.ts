import type { Db } from './db';
import { KEY_FIRST, keyOf } from './open-items';

export interface SubmissionRow {
  projectId: string;
  projectName: string;
  stage: string;
  submittedOn: string;
  ownerOrganisation: string;
  /** The organisation's name (its code when none is registered). */
  ownerOrganisationName: string;
  /** Key project (重点项目): the service centre's reason and since when; null when not one. */
  key: { reason: string; since: Date } | null;
  /** 预审: the day the stage was handed in for pre-review; null when it was not. */
  preReviewedOn: string | null;
}

/**
 * Stage submissions of running projects in a given stage status (the window's queue: SUBMITTED),
 * key projects first, then oldest first. The current stage's status lives in the project's state; it keeps the day of
 * the submission only, so submissions of one day are ordered by the instant of their timeline
 * event (the latest STAGE_SUBMITTED of that stage: a resubmission after a return queues anew).
 * Where the catalogue accepts per theme, the day is the earliest of the themes waiting.
 */
export async function stageSubmissions(
  ds: Db,
  status: string,
  page: number,
  pageSize: number,
): Promise<{ items: SubmissionRow[]; total: number }> {
  // 一次受理 per theme: a stage in review with a theme handed in is in the window's queue too.
  const from = `FROM projects p, jsonb_array_elements(p.state->'stages') s
    WHERE p.status = 'IN_PROGRESS' AND s->>'code' = p.stage
      AND (s->>'status' = $1 OR ($1 = 'SUBMITTED'
        AND jsonb_path_exists(s->'themes', '$.* ? (@.status == "SUBMITTED")')))`;
  const [{ total }] = await ds.query<{ total: string }[]>(`SELECT count(*) AS total ${from}`, [
    status,
  ]);
  const items = await ds.query<
    (Omit<SubmissionRow, 'key'> & { keyReason: string | null; keySince: Date | null })[]
  >(
    `SELECT p.id AS "projectId", p.name AS "projectName", p.stage,
            coalesce((SELECT min(t->>'submittedOn') FROM jsonb_each(s->'themes') x(k, t)
                        WHERE t->>'status' = 'SUBMITTED'), s->>'submittedOn', '') AS "submittedOn", p.owner_organisation AS "ownerOrganisation",
            coalesce((SELECT o.name FROM organisations o WHERE o.code = p.owner_organisation),
              p.owner_organisation) AS "ownerOrganisationName",
            p.key_reason AS "keyReason", p.key_since AS "keySince",
            s->>'preReviewedOn' AS "preReviewedOn"
     ${from} ORDER BY ${KEY_FIRST}, s->>'submittedOn' ASC NULLS LAST,
       (SELECT max(e.at) FROM timeline_events e WHERE e.project_id = p.id
          AND e.type = 'STAGE_SUBMITTED' AND e.stage = p.stage) ASC NULLS LAST,
       p.created_at ASC, p.id
     OFFSET $2 LIMIT $3`,
    [status, (page - 1) * pageSize, pageSize],
  );
  return { items: items.map(keyOf), total: Number(total) };
}
