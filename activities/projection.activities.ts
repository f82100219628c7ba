import { ApplicationFailure } from '@temporalio/common';
import { QueryFailedError, type DataSource } from 'typeorm';
import { RISKS } from '../libs/domain/src';
import {
  insertAudit,
  writeProjectionInTransaction,
  type ProjectionInput,
} from '../libs/persistence/src';

export type { ProjectionInput, ProjectionItem } from '../libs/persistence/src';

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
export interface ProjectionDeps {
  dataSource: DataSource;
  /**
   * Mail on: the notices' outbox rows are written in the same transaction, and `queued` hears
   * their ids once it committed (it starts their delivery; a sweep catches any it misses).
   * Absent: the inbox only.
   */
  mail?: { queued(outboxIds: string[]): void };
  /** The exchange is on: each write appends the SPGL rows it changed (libs/exchange). */
  exchange?: boolean;
}

export function createProjectionActivities({ dataSource, mail, exchange }: ProjectionDeps) {
  return {
    /**
     * `resend`: nothing was written; the batch carried only the changed items and others were
     * changed by a task the server never committed, so the caller writes again with every item.
     */
    async projectState(input: ProjectionInput): Promise<{ applied: boolean; resend?: boolean }> {
      validate(input);
      try {
        return await writeProjectionInTransaction(dataSource, input, {
          mail,
          exchange,
          commitDeadlineMs: COMMIT_DEADLINE_MS,
        });
      } catch (err) {
        throw asFailure(err);
      }
    },

    /**
     * A write the read model refused (the workflow holds its projection and tries again later):
     * an audit row an operator finds in the audit trail, beside the worker's error log.
     */
    async projectionRefused(input: { projectId: string; seq: number; error: string }) {
      await insertAudit(dataSource, {
        action: 'READ_MODEL_WRITE_REFUSED',
        actor: 'system',
        subject: input.projectId,
        detail: { seq: input.seq, error: input.error.slice(0, 2000) },
      });
    },
  };
}

export type ProjectionActivities = ReturnType<typeof createProjectionActivities>;

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
  if (typeof value !== 'string' || !(RISKS as readonly string[]).includes(value)) {
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
  if (missing.length > 0 && input.changedItemsOnly !== true)
    invalid('items', `lacks state.items ${missing.join(', ')}`);

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
    optStr(`${f}.key`, e.key);
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
    optStr(`${f}.key`, n.key);
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
