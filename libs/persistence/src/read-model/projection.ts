/**
 * The project workflow's write of the read model, as SQL: the project row gated by the writing
 * task's fence, then its items, timeline events and notices. Called by the projection activity
 * (activities/projection.activities.ts) inside one transaction; see there for the ordering rules.
 */
import type { QueryRunner } from 'typeorm';
import type { Notice, ProjectState, TimelineEvent } from '../../../approval/src/types';
import type { Risk } from '../../../domain/src';
import { isDecided } from '../../../approval/src/statuses';
import { issueDocuments } from './documents';

export interface ProjectionItem {
  code: string;
  /** YYYY-MM-DD by the working-day calendar; null when the clock does not run or the item is closed. */
  dueDate: string | null;
  risk: Risk;
  /** The item's clock as of the write. */
  usedDays: number;
}

export interface ProjectionInput {
  /** Full state; `state.seq` grows with every change and orders the writes. */
  state: ProjectState;
  /**
   * One per item of `state.items`, same codes; with `changedItemsOnly`, only those whose row
   * changed since this workflow's previous write (the one that ended at `fromSeq`).
   */
  items: ProjectionItem[];
  changedItemsOnly?: boolean;
  projectClock: {
    usedDays: number;
    remainingDays: number;
    risk: Risk;
    dueDate: string | null;
    /**
     * ISO instants at which time alone raises the risk to AT_RISK / OVERDUE (`riskInstants`);
     * null when it will not. Absent in old callers: the stored risk alone counts.
     */
    warnsAt?: string | null;
    overdueAt?: string | null;
  };
  /** Timeline events new since the last call (seq unique per project). */
  events: TimelineEvent[];
  /** Notices new since the last call (seq unique per project, shared with events). */
  notices: Notice[];
  /**
   * The workflow task writing: its run (0, +1 per continue-as-new) and the history length at its
   * start. Absent in old callers: (0, 0).
   */
  fence?: { run: number; history: number };
  /**
   * The seq the previous write of this workflow ended at: events and notices after it that this
   * batch does not carry were written by a task the server never committed, and are removed.
   */
  fromSeq?: number;
}

/**
 * The whole write as one statement (one round trip): the project row, gated by the writing
 * task's fence, then — only if it applied — the items, timeline events and notices.
 *
 * `stale`: the batch carries only the changed items, but an item row was changed after
 * `fromSeq` by a write this batch does not carry (a task the server never committed). Then
 * nothing is written and the caller sends every item again.
 */
const WRITE_SQL = `
WITH stale AS (
  SELECT $53::boolean AND $32::bigint IS NOT NULL AND EXISTS (
    SELECT 1 FROM "project_items" WHERE "project_id" = $1::uuid AND "state_seq" > $32::bigint
      AND NOT ("code" = ANY($19::text[]))) AS s
),
p AS (
  -- Never touches idempotency_key, created_by, created_at: the API's create path owns them.
  INSERT INTO "projects" AS p
    ("id", "name", "type", "region", "owner_organisation", "status", "stage", "risk",
     "limit_days", "used_days", "remaining_days", "due_date", "calendar_version", "state",
     "state_seq", "fence_run", "fence_history", "created_at", "updated_at", "warns_at",
     "overdue_at", "stage_dates", "overdue_from")
  SELECT $1::uuid, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text,
         $9::int, $10::int, $11::int, $12::date, $13::text, $14::jsonb, $15::bigint, $17::int,
         $18::bigint, $16::timestamptz, now(), $55::timestamptz, $56::timestamptz, $57::jsonb,
         -- From when the lists' overdue= counts it: always when it is overdue or holds an
         -- overdue item after this write (this batch's rows, and the stored rows it leaves),
         -- else from when time alone makes it overdue.
         CASE WHEN $8::text = 'OVERDUE' OR 'OVERDUE' = ANY($26::text[]) OR EXISTS (
                SELECT 1 FROM "project_items" o WHERE o."project_id" = $1::uuid
                  AND o."risk" = 'OVERDUE' AND NOT (o."code" = ANY($19::text[])))
              THEN '-infinity'::timestamptz ELSE $56::timestamptz END
  WHERE NOT (SELECT s FROM stale)
  ON CONFLICT ("id") DO UPDATE SET
    "name" = EXCLUDED."name",
    "type" = EXCLUDED."type",
    "region" = EXCLUDED."region",
    "owner_organisation" = EXCLUDED."owner_organisation",
    "status" = EXCLUDED."status",
    "stage" = EXCLUDED."stage",
    "risk" = EXCLUDED."risk",
    "limit_days" = EXCLUDED."limit_days",
    "used_days" = EXCLUDED."used_days",
    "remaining_days" = EXCLUDED."remaining_days",
    "due_date" = EXCLUDED."due_date",
    "calendar_version" = EXCLUDED."calendar_version",
    "state" = EXCLUDED."state",
    "state_seq" = EXCLUDED."state_seq",
    "fence_run" = EXCLUDED."fence_run",
    "fence_history" = EXCLUDED."fence_history",
    "warns_at" = EXCLUDED."warns_at",
    "overdue_at" = EXCLUDED."overdue_at",
    "stage_dates" = EXCLUDED."stage_dates",
    "overdue_from" = EXCLUDED."overdue_from",
    -- A repeated write is not a change: lists ordered by updated_at do not move.
    "updated_at" = CASE WHEN p."state" = EXCLUDED."state" THEN p."updated_at"
                        ELSE EXCLUDED."updated_at" END
  WHERE (p."fence_run", p."fence_history") <= (EXCLUDED."fence_run", EXCLUDED."fence_history")
  RETURNING p."id"
),
items AS (
  -- One row per item: columns travel as arrays, zipped back into rows by unnest.
  INSERT INTO "project_items" AS i
    ("project_id", "code", "task_id", "name", "department", "stage", "theme", "status", "risk",
     "limit_days", "used_days", "due_date", "round", "decided_on", "state_seq", "updated_at")
  SELECT $1::uuid, x.code, x.task_id, x.name, x.department, x.stage, x.theme, x.status, x.risk,
         x.limit_days, x.used_days, x.due_date, x.round, x.decided_on, $15::bigint, now()
  FROM unnest($19::text[], $20::text[], $21::text[], $22::text[], $23::text[], $24::text[],
              $25::text[], $26::text[], $27::int[], $28::int[], $29::date[], $30::int[],
              $31::date[])
    AS x(code, task_id, name, department, stage, theme, status, risk, limit_days, used_days,
         due_date, round, decided_on)
  WHERE EXISTS (SELECT 1 FROM p)
  ON CONFLICT ("project_id", "code") DO UPDATE SET
    "task_id" = EXCLUDED."task_id",
    "name" = EXCLUDED."name",
    "department" = EXCLUDED."department",
    "stage" = EXCLUDED."stage",
    "theme" = EXCLUDED."theme",
    "status" = EXCLUDED."status",
    "risk" = EXCLUDED."risk",
    "limit_days" = EXCLUDED."limit_days",
    "used_days" = EXCLUDED."used_days",
    "due_date" = EXCLUDED."due_date",
    "round" = EXCLUDED."round",
    "decided_on" = EXCLUDED."decided_on",
    "state_seq" = EXCLUDED."state_seq",
    "updated_at" = EXCLUDED."updated_at"
  WHERE (i."task_id", i."name", i."department", i."stage", i."theme", i."status", i."risk",
         i."limit_days", i."used_days", i."due_date", i."round", i."decided_on")
        IS DISTINCT FROM
        (EXCLUDED."task_id", EXCLUDED."name", EXCLUDED."department", EXCLUDED."stage",
         EXCLUDED."theme", EXCLUDED."status", EXCLUDED."risk", EXCLUDED."limit_days",
         EXCLUDED."used_days", EXCLUDED."due_date", EXCLUDED."round", EXCLUDED."decided_on")
  RETURNING 1
),
-- Events and notices after fromSeq that the batch does not carry came from an uncommitted
-- task: removed. The batch's are written over whatever a stale task left under the same seq.
gone_events AS (
  DELETE FROM "timeline_events" WHERE "project_id" = $1::uuid AND $32::bigint IS NOT NULL
    AND "seq" > $32::bigint AND NOT ("seq" = ANY($33::bigint[])) AND EXISTS (SELECT 1 FROM p)
  RETURNING 1
),
events AS (
  INSERT INTO "timeline_events"
    ("project_id", "seq", "at", "actor", "role", "on_behalf_of", "type", "stage", "item_code",
     "detail", "clock_effect", "key")
  SELECT $1::uuid, x.*
  FROM unnest($33::bigint[], $34::timestamptz[], $35::text[], $36::text[], $37::text[],
              $38::text[], $39::text[], $40::text[], $41::jsonb[], $42::text[], $58::text[])
    AS x(seq, at, actor, role, on_behalf_of, type, stage, item_code, detail, clock_effect, key)
  WHERE EXISTS (SELECT 1 FROM p)
    -- A crossing the deadline sweep wrote first (under a negative seq) is not written twice.
    AND NOT EXISTS (SELECT 1 FROM "timeline_events" k WHERE k."project_id" = $1::uuid
                      AND k."key" = x.key AND k."seq" < 0)
  ON CONFLICT ("project_id", "seq") DO UPDATE SET
    "at" = EXCLUDED."at", "actor" = EXCLUDED."actor", "role" = EXCLUDED."role",
    "on_behalf_of" = EXCLUDED."on_behalf_of", "type" = EXCLUDED."type",
    "stage" = EXCLUDED."stage", "item_code" = EXCLUDED."item_code",
    "detail" = EXCLUDED."detail", "clock_effect" = EXCLUDED."clock_effect",
    "key" = EXCLUDED."key"
  RETURNING 1
),
-- As for events; a notice's read_at belongs to its reader and is kept.
gone_notices AS (
  DELETE FROM "notices" WHERE "project_id" = $1::uuid AND $32::bigint IS NOT NULL
    AND "seq" > $32::bigint AND NOT ("seq" = ANY($43::bigint[])) AND EXISTS (SELECT 1 FROM p)
  RETURNING 1
),
notices AS (
  INSERT INTO "notices"
    ("project_id", "seq", "at", "recipient_role", "department", "organisation", "kind",
     "item_code", "message", "expected_days", "expected_until", "text", "key")
  SELECT $1::uuid, x.*
  FROM unnest($43::bigint[], $44::timestamptz[], $45::text[], $46::text[], $47::text[],
              $48::text[], $49::text[], $50::text[], $51::int[], $52::date[], $54::jsonb[],
              $59::text[])
    AS x(seq, at, recipient_role, department, organisation, kind, item_code, message,
         expected_days, expected_until, text, key)
  WHERE EXISTS (SELECT 1 FROM p)
    AND NOT EXISTS (SELECT 1 FROM "notices" k WHERE k."project_id" = $1::uuid
                      AND k."key" = x.key AND k."seq" < 0)
  ON CONFLICT ("project_id", "seq") DO UPDATE SET
    "at" = EXCLUDED."at", "recipient_role" = EXCLUDED."recipient_role",
    "department" = EXCLUDED."department", "organisation" = EXCLUDED."organisation",
    "kind" = EXCLUDED."kind", "item_code" = EXCLUDED."item_code",
    "message" = EXCLUDED."message", "expected_days" = EXCLUDED."expected_days",
    "expected_until" = EXCLUDED."expected_until", "text" = EXCLUDED."text",
    "key" = EXCLUDED."key"
  RETURNING 1
)
SELECT (SELECT count(*) FROM p)::int AS applied, (SELECT s FROM stale) AS stale,
       (SELECT count(*) FROM items)::int + (SELECT count(*) FROM gone_events)::int
         + (SELECT count(*) FROM events)::int + (SELECT count(*) FROM gone_notices)::int
         + (SELECT count(*) FROM notices)::int AS rows`;

/**
 * Each stage's acceptance and completion days, in `state.stages` order (STAGE_CODES): a small
 * copy beside the state, so the statistics read these instead of de-TOASTing every state.
 */
export const stageDatesOf = (state: Pick<ProjectState, 'stages'>) =>
  state.stages.map((s) => ({
    code: s.code,
    ...(s.acceptedOn ? { acceptedOn: s.acceptedOn } : {}),
    ...(s.completedOn ? { completedOn: s.completedOn } : {}),
  }));

function writeParams(input: ProjectionInput): unknown[] {
  const { state, projectClock, fence = { run: 0, history: 0 }, events, notices } = input;
  const items = state.items;
  const computed = new Map(input.items.map((i) => [i.code, i]));
  const rows = items
    .filter((i) => computed.has(i.code))
    .map((item) => ({ item, calc: computed.get(item.code)! }));
  return [
    state.projectId,
    state.name,
    state.type,
    state.region,
    state.ownerOrganisation,
    state.status,
    state.stage,
    projectClock.risk,
    state.limitDays,
    projectClock.usedDays,
    projectClock.remainingDays,
    projectClock.dueDate,
    state.calendarVersion,
    JSON.stringify(state),
    state.seq,
    state.createdAt,
    fence.run,
    fence.history,
    // $19-$31: the items
    rows.map((r) => r.item.code),
    rows.map((r) => r.item.taskId),
    rows.map((r) => r.item.name),
    rows.map((r) => r.item.department),
    rows.map((r) => r.item.stage),
    rows.map((r) => r.item.theme),
    rows.map((r) => r.item.status),
    rows.map((r) => r.calc.risk),
    rows.map((r) => r.item.limitDays),
    rows.map((r) => r.calc.usedDays),
    rows.map((r) => r.calc.dueDate),
    rows.map((r) => r.item.round),
    rows.map((r) => (isDecided(r.item.status) ? (r.item.decidedOn ?? null) : null)),
    // $32: fromSeq; $33-$42: the events
    input.fromSeq ?? null,
    events.map((e) => e.seq),
    events.map((e) => e.at),
    events.map((e) => e.actor),
    events.map((e) => e.role),
    events.map((e) => e.onBehalfOf ?? null),
    events.map((e) => e.type),
    events.map((e) => e.stage ?? null),
    events.map((e) => e.itemCode ?? null),
    events.map((e) => (e.detail === undefined ? null : JSON.stringify(e.detail))),
    events.map((e) => e.clockEffect ?? null),
    // $43-$52: the notices
    notices.map((n) => n.seq),
    notices.map((n) => n.at),
    notices.map((n) => n.recipientRole),
    notices.map((n) => n.department ?? null),
    notices.map((n) => n.organisation ?? null),
    notices.map((n) => n.kind),
    notices.map((n) => n.itemCode ?? null),
    notices.map((n) => n.message),
    notices.map((n) => n.expectedDays ?? null),
    notices.map((n) => n.expectedUntil ?? null),
    // $53
    input.changedItemsOnly === true,
    // $54: the notices' wording in any language (notice-texts.ts)
    notices.map((n) => (n.text ? JSON.stringify(n.text) : null)),
    // $55-$57: the risk instants (lists as of now) and the stage dates (statistics)
    projectClock.warnsAt ?? null,
    projectClock.overdueAt ?? null,
    JSON.stringify(stageDatesOf(state)),
    // $58-$59: the keys of what time alone raised (one row per key: the deadline sweep's or this)
    events.map((e) => e.key ?? null),
    notices.map((n) => n.key ?? null),
  ];
}

/** Holds the project's row until the transaction ends (none yet: nothing to wait for). */
export async function lockProjectRow(runner: QueryRunner, projectId: string): Promise<void> {
  await runner.query(`SELECT 1 FROM "projects" WHERE "id" = $1 FOR UPDATE`, [projectId]);
}

/**
 * Everything one workflow task writes. `applied`: false when a newer task wrote first. `resend`:
 * nothing was written because the batch carries only the changed items and a task the server
 * never committed changed others (the caller writes again with every item).
 */
export async function writeProjection(
  runner: QueryRunner,
  input: ProjectionInput,
): Promise<{ applied: boolean; resend?: boolean }> {
  const [row] = (await runner.query(WRITE_SQL, writeParams(input))) as {
    applied: number;
    stale: boolean;
  }[];
  if (row.stale) return { applied: false, resend: true };
  const applied = row.applied === 1;
  if (applied) await issueDocuments(runner, input);
  return { applied };
}
