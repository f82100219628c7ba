/**
 * The deadline sweep's SQL (apps/worker/src/deadline-sweep.ts): the running projects with
 * a risk instant that has passed, and the write of what time alone raised in one of them.
 */
import type { QueryRunner } from 'typeorm';
import type { Notice, ProjectState, TimelineEvent } from '../../../approval/src';
import type { Risk } from '../../../domain/src';
import { storableJson, type Db } from './db';

/** An arbitrary constant: one sweep at a time across every worker on this database. */
const SWEEP_LOCK = 7_201_611_022;

/**
 * Takes the sweep's session lock on the runner's connection, or answers false when another
 * process's sweep holds it. `unlockSweep` on the same runner gives it back.
 */
export async function tryLockSweep(runner: QueryRunner): Promise<boolean> {
  const [{ got }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS got', [
    SWEEP_LOCK,
  ])) as { got: boolean }[];
  return got;
}

export async function unlockSweep(runner: QueryRunner): Promise<void> {
  await runner.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK]);
}

export interface SweepCandidate {
  id: string;
  state: ProjectState;
  stateSeq: number;
  calendarVersion: string;
}

/** Up to `limit` running projects, after `afterId` in id order, whose first risk instant is due. */
export function dueForSweep(
  db: Db,
  asOf: string,
  afterId: string,
  limit: number,
): Promise<SweepCandidate[]> {
  return db.query<SweepCandidate[]>(
    `SELECT id, state, state_seq::float8 AS "stateSeq", calendar_version AS "calendarVersion"
     FROM projects
     WHERE status = 'IN_PROGRESS' AND LEAST(warns_at, overdue_at) <= $1::timestamptz
       AND id > $2::uuid
     ORDER BY id LIMIT $3`,
    [asOf, afterId, limit],
  );
}

export interface SweepWrite {
  projectId: string;
  /** The state_seq the crossings were computed from: a newer write of the workflow wins. */
  stateSeq: number;
  risk: Risk;
  usedDays: number;
  remainingDays: number;
  dueDate: string | null;
  warnsAt: string | null;
  overdueAt: string | null;
  /** '-infinity' (overdue now), an ISO instant or null; see projects.overdue_from. */
  overdueFrom: string | null;
  items: { code: string; risk: Risk; usedDays: number }[];
  events: TimelineEvent[];
  notices: Notice[];
}

/**
 * One project's crossings, as one statement: the project row only if the workflow has not
 * written since (`state_seq`), then its items' risk, and the events and notices under negative
 * seqs, each skipped when its key is there already (the workflow's, or another sweep's: the
 * unique index on the sweep's keys settles two at once). Never touches the state, its seq or the
 * items' state_seq: those are the workflow's. The new notices' seqs, or null when a newer write
 * of the workflow won.
 */
export async function writeSweep(runner: QueryRunner, w: SweepWrite): Promise<number[] | null> {
  const [row] = (await runner.query(
    `WITH p AS (
       UPDATE projects SET risk = $3, used_days = $4, remaining_days = $5, due_date = $6::date,
              warns_at = $7::timestamptz, overdue_at = $8::timestamptz,
              overdue_from = $9::timestamptz
       WHERE id = $1::uuid AND state_seq = $2::bigint RETURNING id
     ),
     items AS (
       UPDATE project_items i SET risk = x.risk, used_days = x.used_days
       FROM unnest($10::text[], $11::text[], $12::int[]) AS x(code, risk, used_days)
       WHERE i.project_id = $1::uuid AND i.code = x.code AND EXISTS (SELECT 1 FROM p)
         AND (i.risk, i.used_days) IS DISTINCT FROM (x.risk, x.used_days)
       RETURNING 1
     ),
     events AS (
       INSERT INTO timeline_events (project_id, seq, at, actor, role, type, stage, item_code,
                                    detail, key)
       SELECT $1::uuid, -nextval('notice_extra_seq'), x.*
       FROM unnest($13::timestamptz[], $14::text[], $15::text[], $16::text[], $17::text[],
                   $18::text[], $19::jsonb[], $20::text[])
         AS x(at, actor, role, type, stage, item_code, detail, key)
       WHERE EXISTS (SELECT 1 FROM p) AND NOT EXISTS (SELECT 1 FROM timeline_events k
         WHERE k.project_id = $1::uuid AND k.key = x.key)
       ON CONFLICT DO NOTHING RETURNING 1
     ),
     notices AS (
       INSERT INTO notices (project_id, seq, at, recipient_role, department, organisation, kind,
                            item_code, message, text, key)
       SELECT $1::uuid, -nextval('notice_extra_seq'), x.*
       FROM unnest($21::timestamptz[], $22::text[], $23::text[], $24::text[], $25::text[],
                   $26::text[], $27::text[], $28::jsonb[], $29::text[])
         AS x(at, recipient_role, department, organisation, kind, item_code, message, text, key)
       WHERE EXISTS (SELECT 1 FROM p) AND NOT EXISTS (SELECT 1 FROM notices k
         WHERE k.project_id = $1::uuid AND k.key = x.key)
       ON CONFLICT DO NOTHING RETURNING seq
     )
     SELECT (SELECT count(*) FROM p)::int AS applied,
            (SELECT count(*) FROM items)::int + (SELECT count(*) FROM events)::int AS rows,
            COALESCE((SELECT array_agg(seq::float8) FROM notices), '{}') AS seqs`,
    [
      w.projectId,
      w.stateSeq,
      w.risk,
      w.usedDays,
      w.remainingDays,
      w.dueDate,
      w.warnsAt,
      w.overdueAt,
      w.overdueFrom,
      w.items.map((i) => i.code),
      w.items.map((i) => i.risk),
      w.items.map((i) => i.usedDays),
      w.events.map((e) => e.at),
      w.events.map((e) => e.actor),
      w.events.map((e) => e.role),
      w.events.map((e) => e.type),
      w.events.map((e) => e.stage ?? null),
      w.events.map((e) => e.itemCode ?? null),
      w.events.map((e) => (e.detail === undefined ? null : storableJson(e.detail))),
      w.events.map((e) => e.key ?? null),
      w.notices.map((n) => n.at),
      w.notices.map((n) => n.recipientRole),
      w.notices.map((n) => n.department ?? null),
      w.notices.map((n) => n.organisation ?? null),
      w.notices.map((n) => n.kind),
      w.notices.map((n) => n.itemCode ?? null),
      w.notices.map((n) => n.message),
      w.notices.map((n) => (n.text ? storableJson(n.text) : null)),
      w.notices.map((n) => n.key ?? null),
    ],
  )) as { applied: number; seqs: number[] }[];
  return row.applied === 1 ? row.seqs : null;
}
