import { ApplicationFailure } from '@temporalio/common';
import { QueryFailedError, type DataSource, type QueryRunner } from 'typeorm';
import type { Notice, ProjectState, TimelineEvent } from '../libs/approval/src/types';
import type { Risk } from '../libs/domain/src';

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
  projectClock: { usedDays: number; remainingDays: number; risk: Risk; dueDate: string | null };
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

/** A write that ran longer than this is rolled back and retried rather than committed late. */
const COMMIT_DEADLINE_MS = 20_000;

/** The failure type of an input that can never be written: Temporal does not retry it. */
export const PROJECTION_INPUT_INVALID = 'ProjectionInputInvalid';

/**
 * Writes the read model from the project workflow, so that it converges on what Temporal
 * committed. The project row is the gate, ordered by the writing task's fence (run, history
 * length): a write from an older task is stale and changes nothing; a write from the same or a
 * newer task wins, even with a lower seq — after a crash, a task the server never committed
 * may have written first (its Updates are then retried and may be numbered differently), and
 * the task that replaced it rewrites its project, items, events and notices. Within one task the
 * writes come one after another, so the latest is the newest. Repeating a write changes nothing.
 */
export function createProjectionActivities({ dataSource }: { dataSource: DataSource }) {
  return {
    async projectState(input: ProjectionInput): Promise<{ applied: boolean }> {
      validate(input);
      const started = Date.now();
      const runner = dataSource.createQueryRunner();
      try {
        await runner.connect();
        await runner.startTransaction();
        try {
          const applied = await upsertProject(runner, input);
          if (applied) {
            await upsertItems(runner, input);
            await syncEvents(runner, input);
            await syncNotices(runner, input);
          }
          // Temporal gives up on an attempt after 30 s and retries it; committing later could
          // land this write after a newer one of the same task.
          if (Date.now() - started > COMMIT_DEADLINE_MS) {
            throw new Error(`the write took over ${COMMIT_DEADLINE_MS} ms; retrying`);
          }
          await runner.commitTransaction();
          return { applied };
        } catch (err) {
          if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
          throw err;
        }
      } catch (err) {
        throw asFailure(err);
      } finally {
        await runner.release();
      }
    },
  };
}

export type ProjectionActivities = ReturnType<typeof createProjectionActivities>;

// ── SQL ───────────────────────────────────────────────────────────────────────────────────────

async function upsertProject(
  runner: QueryRunner,
  { state, projectClock, fence = { run: 0, history: 0 } }: ProjectionInput,
) {
  // Never touches idempotency_key, created_by, created_at: the API's create path owns them.
  const result = (await runner.query(
    `INSERT INTO "projects" AS p
       ("id", "name", "type", "region", "owner_organisation", "status", "stage", "risk",
        "limit_days", "used_days", "remaining_days", "due_date", "calendar_version", "state",
        "state_seq", "fence_run", "fence_history", "created_at", "updated_at")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::date, $13, $14::jsonb, $15,
             $17, $18, $16::timestamptz, now())
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
        "limit_days", "used_days", "due_date", "round", "state_seq", "updated_at")
     SELECT $1::uuid, x.code, x.task_id, x.name, x.department, x.stage, x.theme, x.status, x.risk,
            x.limit_days, x.used_days, x.due_date, x.round, $2::bigint, now()
     FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                 $9::text[], $10::text[], $11::int[], $12::int[], $13::date[], $14::int[])
       AS x(code, task_id, name, department, stage, theme, status, risk, limit_days, used_days,
            due_date, round)
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
       "state_seq" = EXCLUDED."state_seq",
       "updated_at" = EXCLUDED."updated_at"
     WHERE (i."task_id", i."name", i."department", i."stage", i."theme", i."status", i."risk",
            i."limit_days", i."used_days", i."due_date", i."round")
           IS DISTINCT FROM
           (EXCLUDED."task_id", EXCLUDED."name", EXCLUDED."department", EXCLUDED."stage",
            EXCLUDED."theme", EXCLUDED."status", EXCLUDED."risk", EXCLUDED."limit_days",
            EXCLUDED."used_days", EXCLUDED."due_date", EXCLUDED."round")`,
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

/**
 * A data exception (SQLSTATE class 22: a NUL character, a value out of range …) or an integrity
 * violation (23: the same task id on two items …) fails the same way on every retry, so it is
 * not retried. Anything else (connection lost, serialization failure, lock timeout) is thrown
 * as is and Temporal retries the activity.
 */
function asFailure(err: unknown): unknown {
  if (err instanceof ApplicationFailure) return err;
  const code = sqlState(err);
  if (code && (code.startsWith('22') || code.startsWith('23'))) {
    return ApplicationFailure.create({
      message: `projection rejected by PostgreSQL (SQLSTATE ${code}): ${err instanceof Error ? err.message : String(err)}`,
      type: PROJECTION_INPUT_INVALID,
      nonRetryable: true,
      cause: err instanceof Error ? err : undefined,
    });
  }
  return err;
}

function sqlState(err: unknown): string | undefined {
  if (!(err instanceof QueryFailedError)) return undefined;
  const code = (err.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

// ── validation: input that can never be written fails at once, naming the field ───────────────

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const RISKS: readonly string[] = ['ON_TRACK', 'AT_RISK', 'OVERDUE'] satisfies Risk[];
const INT32_MAX = 2_147_483_647;

function invalid(field: string, problem: string): never {
  throw ApplicationFailure.nonRetryable(`${field} ${problem}`, PROJECTION_INPUT_INVALID);
}

/**
 * Refuses only what can never be stored or keyed: a refusal costs the workflow the batch's
 * events, so an odd but storable value (an empty region) is written as it is.
 */
function str(field: string, value: unknown): void {
  if (typeof value !== 'string') invalid(field, `must be a string, got ${JSON.stringify(value)}`);
}

function key(field: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) invalid(field, 'must be a non-empty string');
}

function optStr(field: string, value: unknown): void {
  if (value !== undefined && value !== null) str(field, value);
}

function int(field: string, value: unknown, min: number, max = INT32_MAX): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    invalid(field, `must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
}

function date(field: string, value: unknown, nullable: boolean): void {
  if ((value === null || value === undefined) && nullable) return;
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    invalid(field, `must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
}

function instant(field: string, value: unknown): void {
  if (typeof value !== 'string' || !INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    invalid(field, `must be an ISO instant, got ${JSON.stringify(value)}`);
  }
}

function risk(field: string, value: unknown): void {
  if (typeof value !== 'string' || !RISKS.includes(value)) {
    invalid(field, `must be one of ${RISKS.join(', ')}, got ${JSON.stringify(value)}`);
  }
}

function list(field: string, value: unknown): asserts value is unknown[] {
  if (!Array.isArray(value)) invalid(field, 'must be an array');
}

function uniqueSeqs(field: string, entries: Array<{ seq: number }>): void {
  const seen = new Set<number>();
  entries.forEach((e, i) => {
    int(`${field}[${i}].seq`, e.seq, 0, Number.MAX_SAFE_INTEGER);
    if (seen.has(e.seq)) invalid(`${field}[${i}].seq`, `repeats seq ${e.seq}`);
    seen.add(e.seq);
  });
}

function validate(input: ProjectionInput): void {
  if (typeof input !== 'object' || input === null) invalid('input', 'must be an object');
  const { state, items, projectClock, events, notices } = input;
  if (typeof state !== 'object' || state === null) invalid('state', 'must be an object');
  if (typeof state.projectId !== 'string' || !UUID.test(state.projectId)) {
    invalid('state.projectId', `must be a uuid, got ${JSON.stringify(state.projectId)}`);
  }
  int('state.seq', state.seq, 0, Number.MAX_SAFE_INTEGER);
  for (const k of [
    'name',
    'type',
    'region',
    'ownerOrganisation',
    'status',
    'stage',
    'calendarVersion',
  ] as const) {
    str(`state.${k}`, state[k]);
  }
  int('state.limitDays', state.limitDays, 0);
  instant('state.createdAt', state.createdAt);

  list('state.items', state.items);
  const codes = new Set<string>();
  state.items.forEach((item, i) => {
    const f = `state.items[${i}]`;
    if (typeof item !== 'object' || item === null) invalid(f, 'must be an object');
    key(`${f}.code`, item.code);
    key(`${f}.taskId`, item.taskId);
    for (const k of ['name', 'department', 'stage', 'theme', 'status'] as const) {
      str(`${f}.${k}`, item[k]);
    }
    int(`${f}.limitDays`, item.limitDays, 0);
    int(`${f}.round`, item.round, 1);
    if (codes.has(item.code)) invalid(`${f}.code`, `repeats item ${item.code}`);
    codes.add(item.code);
  });

  list('items', items);
  const computed = new Set<string>();
  items.forEach((item, i) => {
    const f = `items[${i}]`;
    if (typeof item !== 'object' || item === null) invalid(f, 'must be an object');
    key(`${f}.code`, item.code);
    if (!codes.has(item.code)) invalid(`${f}.code`, `${item.code} is not in state.items`);
    if (computed.has(item.code)) invalid(`${f}.code`, `repeats item ${item.code}`);
    computed.add(item.code);
    date(`${f}.dueDate`, item.dueDate, true);
    risk(`${f}.risk`, item.risk);
    int(`${f}.usedDays`, item.usedDays, 0);
  });
  const missing = [...codes].filter((c) => !computed.has(c));
  if (missing.length > 0) invalid('items', `lacks state.items ${missing.join(', ')}`);

  if (typeof projectClock !== 'object' || projectClock === null) {
    invalid('projectClock', 'must be an object');
  }
  int('projectClock.usedDays', projectClock.usedDays, 0);
  // Past the limit an overdue project may report a negative remainder.
  int('projectClock.remainingDays', projectClock.remainingDays, -INT32_MAX);
  risk('projectClock.risk', projectClock.risk);
  date('projectClock.dueDate', projectClock.dueDate, true);

  list('events', events);
  events.forEach((e, i) => {
    const f = `events[${i}]`;
    if (typeof e !== 'object' || e === null) invalid(f, 'must be an object');
    instant(`${f}.at`, e.at);
    str(`${f}.actor`, e.actor);
    str(`${f}.role`, e.role);
    str(`${f}.type`, e.type);
    optStr(`${f}.onBehalfOf`, e.onBehalfOf);
    optStr(`${f}.stage`, e.stage);
    optStr(`${f}.itemCode`, e.itemCode);
    optStr(`${f}.clockEffect`, e.clockEffect);
    if (e.detail !== undefined && e.detail !== null && typeof e.detail !== 'object') {
      invalid(`${f}.detail`, 'must be an object');
    }
  });
  uniqueSeqs('events', events);

  list('notices', notices);
  notices.forEach((n, i) => {
    const f = `notices[${i}]`;
    if (typeof n !== 'object' || n === null) invalid(f, 'must be an object');
    instant(`${f}.at`, n.at);
    str(`${f}.recipientRole`, n.recipientRole);
    str(`${f}.kind`, n.kind);
    str(`${f}.message`, n.message);
    optStr(`${f}.department`, n.department);
    optStr(`${f}.organisation`, n.organisation);
    optStr(`${f}.itemCode`, n.itemCode);
    if (n.expectedDays !== undefined && n.expectedDays !== null) {
      int(`${f}.expectedDays`, n.expectedDays, 0);
    }
    date(`${f}.expectedUntil`, n.expectedUntil, true);
  });
  uniqueSeqs('notices', notices);

  if (input.fence !== undefined) {
    if (typeof input.fence !== 'object' || input.fence === null)
      invalid('fence', 'must be an object');
    int('fence.run', input.fence.run, 0);
    int('fence.history', input.fence.history, 0, Number.MAX_SAFE_INTEGER);
  }
  if (input.fromSeq !== undefined) int('fromSeq', input.fromSeq, -1, Number.MAX_SAFE_INTEGER);
}
