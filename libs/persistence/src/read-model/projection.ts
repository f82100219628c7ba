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
  /** One per item of `state.items`, same codes. */
  items: ProjectionItem[];
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
 * Each stage's acceptance and completion days, in `state.stages` order (STAGE_CODES): a small
 * copy beside the state, so the statistics read these instead of de-TOASTing every state.
 */
export const stageDatesOf = (state: Pick<ProjectState, 'stages'>) =>
  state.stages.map((s) => ({
    code: s.code,
    ...(s.acceptedOn ? { acceptedOn: s.acceptedOn } : {}),
    ...(s.completedOn ? { completedOn: s.completedOn } : {}),
  }));

/** The project row, unless a newer task wrote it: whether this write applies. */
async function upsertProject(
  runner: QueryRunner,
  { state, projectClock, fence = { run: 0, history: 0 } }: ProjectionInput,
) {
  // Never touches idempotency_key, created_by, created_at: the API's create path owns them.
  const result = (await runner.query(
    `INSERT INTO "projects" AS p
       ("id", "name", "type", "region", "owner_organisation", "status", "stage", "risk",
        "limit_days", "used_days", "remaining_days", "due_date", "calendar_version", "state",
        "state_seq", "fence_run", "fence_history", "created_at", "updated_at", "warns_at",
        "overdue_at", "stage_dates")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::date, $13, $14::jsonb, $15,
             $17, $18, $16::timestamptz, now(), $19::timestamptz, $20::timestamptz, $21::jsonb)
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
       -- A repeated write is not a change: lists ordered by updated_at do not move.
       "updated_at" = CASE WHEN p."state" = EXCLUDED."state" THEN p."updated_at"
                           ELSE EXCLUDED."updated_at" END
     WHERE (p."fence_run", p."fence_history") <= (EXCLUDED."fence_run", EXCLUDED."fence_history")
     RETURNING p."id"`,
    [
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
      projectClock.warnsAt ?? null,
      projectClock.overdueAt ?? null,
      JSON.stringify(stageDatesOf(state)),
    ],
    true,
  )) as { records: unknown[] };
  return result.records.length === 1;
}

/** One statement for all items: columns travel as arrays, zipped back into rows by unnest. */
async function upsertItems(runner: QueryRunner, { state, items }: ProjectionInput) {
  const computed = new Map(items.map((i) => [i.code, i]));
  const rows = state.items.map((item) => ({ item, calc: computed.get(item.code)! }));
  await runner.query(
    `INSERT INTO "project_items" AS i
       ("project_id", "code", "task_id", "name", "department", "stage", "theme", "status", "risk",
        "limit_days", "used_days", "due_date", "round", "decided_on", "state_seq", "updated_at")
     SELECT $1::uuid, x.code, x.task_id, x.name, x.department, x.stage, x.theme, x.status, x.risk,
            x.limit_days, x.used_days, x.due_date, x.round, x.decided_on, $2::bigint, now()
     FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                 $9::text[], $10::text[], $11::int[], $12::int[], $13::date[], $14::int[],
                 $15::date[])
       AS x(code, task_id, name, department, stage, theme, status, risk, limit_days, used_days,
            due_date, round, decided_on)
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
            EXCLUDED."used_days", EXCLUDED."due_date", EXCLUDED."round", EXCLUDED."decided_on")`,
    [
      state.projectId,
      state.seq,
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
    ],
  );
}

/**
 * Events after `fromSeq` that the batch does not carry came from an uncommitted task: removed.
 * The batch's events are written over whatever a stale task left under the same seq.
 */
async function syncEvents(runner: QueryRunner, { state, events, fromSeq }: ProjectionInput) {
  const projectId = state.projectId;
  if (fromSeq !== undefined) {
    await runner.query(
      `DELETE FROM "timeline_events" WHERE "project_id" = $1 AND "seq" > $2
         AND NOT ("seq" = ANY($3::bigint[]))`,
      [projectId, fromSeq, events.map((e) => e.seq)],
    );
  }
  if (events.length === 0) return;
  await runner.query(
    `INSERT INTO "timeline_events"
       ("project_id", "seq", "at", "actor", "role", "on_behalf_of", "type", "stage", "item_code",
        "detail", "clock_effect")
     SELECT $1::uuid, x.*
     FROM unnest($2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[],
                 $8::text[], $9::text[], $10::jsonb[], $11::text[])
       AS x(seq, at, actor, role, on_behalf_of, type, stage, item_code, detail, clock_effect)
     ON CONFLICT ("project_id", "seq") DO UPDATE SET
       "at" = EXCLUDED."at", "actor" = EXCLUDED."actor", "role" = EXCLUDED."role",
       "on_behalf_of" = EXCLUDED."on_behalf_of", "type" = EXCLUDED."type",
       "stage" = EXCLUDED."stage", "item_code" = EXCLUDED."item_code",
       "detail" = EXCLUDED."detail", "clock_effect" = EXCLUDED."clock_effect"`,
    [
      projectId,
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
    ],
  );
}

/** As syncEvents; a notice's `read_at` belongs to its reader and is kept. */
async function syncNotices(runner: QueryRunner, { state, notices, fromSeq }: ProjectionInput) {
  const projectId = state.projectId;
  if (fromSeq !== undefined) {
    await runner.query(
      `DELETE FROM "notices" WHERE "project_id" = $1 AND "seq" > $2
         AND NOT ("seq" = ANY($3::bigint[]))`,
      [projectId, fromSeq, notices.map((n) => n.seq)],
    );
  }
  if (notices.length === 0) return;
  await runner.query(
    `INSERT INTO "notices"
       ("project_id", "seq", "at", "recipient_role", "department", "organisation", "kind",
        "item_code", "message", "expected_days", "expected_until")
     SELECT $1::uuid, x.*
     FROM unnest($2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[],
                 $8::text[], $9::text[], $10::int[], $11::date[])
       AS x(seq, at, recipient_role, department, organisation, kind, item_code, message,
            expected_days, expected_until)
     ON CONFLICT ("project_id", "seq") DO UPDATE SET
       "at" = EXCLUDED."at", "recipient_role" = EXCLUDED."recipient_role",
       "department" = EXCLUDED."department", "organisation" = EXCLUDED."organisation",
       "kind" = EXCLUDED."kind", "item_code" = EXCLUDED."item_code",
       "message" = EXCLUDED."message", "expected_days" = EXCLUDED."expected_days",
       "expected_until" = EXCLUDED."expected_until"`,
    [
      projectId,
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
    ],
  );
}

/** Everything one workflow task writes; whether it applied (false: a newer task wrote first). */
export async function writeProjection(runner: QueryRunner, input: ProjectionInput) {
  const applied = await upsertProject(runner, input);
  if (applied) {
    await upsertItems(runner, input);
    await syncEvents(runner, input);
    await syncNotices(runner, input);
    await issueDocuments(runner, input);
  }
  return applied;
}
