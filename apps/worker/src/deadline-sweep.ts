import type { DataSource, QueryRunner } from 'typeorm';
import {
  Outbox,
  computeItemClocks,
  evaluateDeadlines,
  projectClock,
  riskInstants,
  type ProjectState,
} from '../../../libs/approval/src';
import { chineseDaysSnapshot } from '../../../libs/calendar/src';
import { WorkingDayCalendar } from '../../../libs/calendar/src/core';
import {
  calendarInForce,
  dueForSweep,
  queueNoticeMail,
  tryLockSweep,
  unlockSweep,
  writeSweep,
  type SweepCandidate,
  type SweepWrite,
} from '../../../libs/persistence/src';

const BATCH = 200;
const NO_ID = '00000000-0000-0000-0000-000000000000';

export interface SweepResult {
  asOf: string;
  /** Projects whose crossings were written. */
  swept: number;
  /** Due, but left to the workflow: it wrote since, a 容缺 commitment is missed, or another calendar. */
  skipped: number;
  events: number;
  notices: number;
  /** Another worker was sweeping: this one left the round to it. */
  busy?: boolean;
}

export interface DeadlineSweepDeps {
  dataSource: DataSource;
  /** As the projection's: hears the ids of the mail outbox rows of new notices once committed. */
  mail?: { queued(outboxIds: string[]): void };
}

/**
 * The day boundary without a burst: every warning and overdue that time alone made is written
 * by one process in SQL batches, at most a sweep period after its instant, instead of by every
 * project's workflow waking at the same midnight. The rules are the workflow's own
 * (`evaluateDeadlines` over the state the workflow last wrote, `riskInstants` for the next
 * instants); the events and notices carry the crossing's key, so the workflow's own evaluation
 * when it later wakes (spread by RISK_WAKE_SPREAD_MINUTES) writes nothing twice. A project the
 * workflow wrote meanwhile keeps the workflow's write. Running it twice, or in two workers, has
 * one effect; with several workers, one sweeps at a time (an advisory lock) and the others
 * leave that round to it.
 */
export function createDeadlineSweep({ dataSource, mail }: DeadlineSweepDeps) {
  // The bundled calendar once; the years an administrator loaded are read at every sweep.
  const bundled = chineseDaysSnapshot();
  let cal: WorkingDayCalendar | undefined;
  const calendarOf = async () => {
    const snapshot = await calendarInForce(dataSource, bundled);
    if (cal?.version !== snapshot.version) cal = WorkingDayCalendar.fromSnapshot(snapshot);
    return cal;
  };

  /** Every project due at `now`, in id order, one after another. */
  async function sweepAll(cal: WorkingDayCalendar, now: number, result: SweepResult) {
    for (let after = NO_ID; ;) {
      const due = await dueForSweep(dataSource, result.asOf, after, BATCH);
      if (due.length === 0) return result;
      after = due[due.length - 1].id;
      const runner = dataSource.createQueryRunner();
      try {
        await runner.connect();
        // One project at a time, computed just before its write, in a transaction of its own:
        // the worker's other work (its activities share this event loop) waits for one
        // evaluation at most, and a decision on the project for one short write's lock.
        for (const row of due) {
          const w = crossingsOf(row, cal, now);
          const written = w && (await writeOne(runner, w, mail !== undefined));
          if (!w || !written) {
            result.skipped++;
            continue;
          }
          result.swept++;
          result.events += w.events.length;
          result.notices += written.notices;
          if (written.mailIds.length > 0) mail?.queued(written.mailIds);
        }
      } finally {
        await runner.release();
      }
    }
  }

  return {
    /** `asOf`: the instant to sweep at (default now; benchmarks and tests give one). */
    async sweepDeadlines(input: { asOf?: string } = {}): Promise<SweepResult> {
      const now = input.asOf ? Date.parse(input.asOf) : Date.now();
      const asOf = new Date(now).toISOString();
      const result: SweepResult = { asOf, swept: 0, skipped: 0, events: 0, notices: 0 };
      // Every worker runs the sweep; one at a time does the work.
      const lock = dataSource.createQueryRunner();
      try {
        await lock.connect();
        if (!(await tryLockSweep(lock))) return { ...result, busy: true };
        try {
          return await sweepAll(await calendarOf(), now, result);
        } finally {
          await unlockSweep(lock).catch(() => undefined);
        }
      } finally {
        await lock.release();
      }
    },
  };
}

export type DeadlineSweep = ReturnType<typeof createDeadlineSweep>;

/** One project's crossings and their mail rows, committed together; null: the workflow won. */
async function writeOne(runner: QueryRunner, w: SweepWrite, withMail: boolean) {
  await runner.startTransaction();
  try {
    const seqs = await writeSweep(runner, w);
    const mailIds =
      seqs && withMail ? await queueNoticeMail(runner.manager, w.projectId, seqs) : [];
    await runner.commitTransaction();
    return seqs && { notices: seqs.length, mailIds };
  } catch (err) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw err;
  }
}

/** What the workflow would write on waking at `now`, or null when the sweep leaves it to it. */
export function crossingsOf(
  row: SweepCandidate,
  cal: WorkingDayCalendar,
  now: number,
): SweepWrite | null {
  if (row.calendarVersion !== cal.version) return null; // its signal is on the way
  const state = structuredClone<ProjectState>(row.state);
  const today = cal.localDate(now);
  const missed = state.items.some((i) =>
    i.deficiencies.some((d) => d.status === 'OPEN' && today > d.dueDate),
  );
  if (missed) return null; // stops a clock: the workflow's own timer is exact for it
  const out = new Outbox(state, { at: new Date(now).toISOString() });
  evaluateDeadlines(state, cal, today, out);
  const clocks = computeItemClocks(state, cal, today);
  const pc = projectClock(state, cal, today, clocks);
  const at = riskInstants(state, cal, today, clocks);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const overdue = pc.risk === 'OVERDUE' || [...clocks.values()].some((c) => c.risk === 'OVERDUE');
  return {
    projectId: row.id,
    stateSeq: row.stateSeq,
    risk: pc.risk,
    usedDays: pc.usedDays,
    remainingDays: pc.remainingDays,
    dueDate: pc.dueDate,
    warnsAt: iso(at.warnsAt),
    overdueAt: iso(at.overdueAt),
    overdueFrom: overdue ? '-infinity' : iso(at.overdueAt),
    items: state.items.map((i) => {
      const c = clocks.get(i.code)!;
      return { code: i.code, risk: c.risk, usedDays: c.usedDays };
    }),
    events: out.events,
    notices: out.notices,
  };
}
