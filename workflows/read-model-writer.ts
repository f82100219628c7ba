/**
 * The project workflow's write of its read model: which items changed since this run last
 * wrote them, the search attributes an operator filters by, a refused write held and retried,
 * and the clocks of the last write that a command's answer reports.
 */
import {
  log,
  patched,
  proxyLocalActivities,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { ProjectionActivities } from '../activities/projection.activities';
import {
  buildReport,
  clockReport,
  itemReport,
  type Notice,
  type ProjectState,
  type TimelineEvent,
} from '../libs/approval/src';
import type { WorkingDayCalendar } from '../libs/calendar/src/core';
import { projectionOf } from '../libs/persistence/src/core';
import {
  OWNER_ORGANISATION,
  PROJECT_DUE_DATE,
  PROJECT_RISK,
  PROJECT_STAGE,
  PROJECT_TYPE,
  type CommandAnswer,
} from '../libs/temporal/src';

const { projectState: writeReadModel, projectionRefused } =
  proxyLocalActivities<ProjectionActivities>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
  });

/**
 * Runs started before the search attributes replay without them (the committed fixtures).
 * Versioning policy (README "Changing the workflow"): a change to the commands an open run
 * would issue goes behind `patched('<id>')`, with a replay fixture of the new shape and the old
 * ones kept (test/versioning.e2e-spec.ts runs a project started on the code before this patch to
 * completion on today's); `deprecatePatch('<id>')` once no run from before the patch is open,
 * then removed. A change too large to patch goes to Worker Deployments with build ids instead.
 */
const SEARCH_ATTRIBUTES_PATCH = 'search-attributes-v1';
/** Runs before it skipped a write the read model refused; since, they hold it and retry. */
const HOLD_REFUSED_WRITES_PATCH = 'hold-refused-writes-v1';
/** How long a held write waits before its next try: doubling from a minute to an hour. */
const heldRetryMs = (attempt: number) => Math.min(60_000 * 2 ** attempt, 3_600_000);

/** What an operator filters projects by (libs/temporal/src/search-attributes.ts). */
function searchAttributesOf(
  state: ProjectState,
  clock: { risk: string; dueDate: string | null },
  cal: WorkingDayCalendar,
): SearchAttributeUpdatePair[] {
  let due: Date | null = null;
  if (clock.dueDate) {
    try {
      due = new Date(cal.startOfDay(clock.dueDate));
    } catch {
      due = null; // a due date past the calendar's range: no attribute rather than a failed task
    }
  }
  return [
    { key: PROJECT_STAGE, value: state.stage },
    { key: PROJECT_RISK, value: clock.risk },
    { key: PROJECT_TYPE, value: state.type },
    { key: OWNER_ORGANISATION, value: state.ownerOrganisation },
    { key: PROJECT_DUE_DATE, value: due },
  ];
}

type Written = Pick<ReturnType<typeof projectionOf>, 'clocks' | 'clock'> & { day: string };

/** What one write carries besides the state: what happened since the last one, and where. */
export interface WriteBatch {
  events: TimelineEvent[];
  notices: Notice[];
  /** The seq the previous write of this workflow ended at. */
  fromSeq: number;
  /** The run (0, +1 per continue-as-new), for the write's fence. */
  run: number;
  day: string;
}

export class ReadModelWriter {
  /**
   * What the read model holds of each item, as this run last wrote it (code → itemRowKey), so a
   * write sends only the items that changed. Rebuilt by replay like the rest of the run's
   * memory; empty at the start of a run, whose first write sends every item.
   */
  private readonly writtenItems = new Map<string, string>();
  /** The clocks of the last write: a command's answer is what the read model now holds. */
  private written: Written | undefined;
  /** The search attributes last upserted, so an unchanged write adds no command. */
  private shownAttributes = '';
  /** Tries of a write the read model refused since the last one it took. */
  private heldAttempts = 0;

  /** The next write carries every item (a repair rewrites the read model whole). */
  forgetItems(): void {
    this.writtenItems.clear();
  }

  /**
   * Writes the state, the changed items and the batch. True once the read model holds it;
   * false when it refused it: the caller keeps the batch and writes again (after a pause here).
   */
  async write(state: ProjectState, cal: WorkingDayCalendar, batch: WriteBatch): Promise<boolean> {
    const { day } = batch;
    const { clocks, clock, items: rows, projectClock } = projectionOf(state, cal, day);
    if (patched(SEARCH_ATTRIBUTES_PATCH)) {
      const attributes = searchAttributesOf(state, clock, cal);
      const shown = JSON.stringify(attributes.map((a) => a.value));
      if (shown !== this.shownAttributes) {
        upsertSearchAttributes(attributes);
        this.shownAttributes = shown;
      }
    }
    const changed = rows.filter(({ item, key }) => this.writtenItems.get(item.code) !== key);
    const write = {
      state,
      items: changed.map((r) => r.item),
      projectClock,
      events: batch.events,
      notices: batch.notices,
      // Lets the read model tell this task's write from one of a task the server never
      // committed (see activities/projection.activities.ts).
      fence: { run: batch.run, history: workflowInfo().historyLength },
      fromSeq: batch.fromSeq,
    };
    try {
      // Only the changed items, unless nothing was written yet in this run.
      let sent = changed;
      let r = await writeReadModel(
        this.writtenItems.size > 0
          ? { ...write, changedItemsOnly: true }
          : { ...write, items: rows.map((x) => x.item) },
      );
      if (r.resend) {
        // A task the server never committed changed items this write does not carry: all of
        // them. No patch needed: only this answer adds the second local activity, and no
        // history recorded before it holds one (their markers answer `{ applied }` alone).
        // Which items a write carries is its input, which replay does not compare.
        sent = rows;
        r = await writeReadModel({ ...write, items: rows.map((x) => x.item) });
      }
      if (r.applied) for (const { item, key } of sent) this.writtenItems.set(item.code, key);
      this.written = { day, clocks, clock };
      this.heldAttempts = 0;
      return true;
    } catch (err) {
      // Only a non-retryable refusal gets here: the read model cannot hold this write (a bug, or
      // a value it cannot store). Runs before the patch skipped it; now the projection is held —
      // nothing after it is written out of order — and written again after a pause, with an
      // audit row and an error log for the operator, until a fixed worker or a repair lets it
      // through.
      const seq = state.seq;
      if (!patched(HOLD_REFUSED_WRITES_PATCH)) {
        log.error('read model write refused', { error: String(err), seq });
        return true;
      }
      log.error('read model write refused; the projection is held and retried', {
        error: String(err),
        seq,
        attempt: this.heldAttempts,
      });
      if (this.heldAttempts === 0) {
        await projectionRefused({ projectId: state.projectId, seq, error: String(err) });
      }
      // The next try carries every item: what this run remembers writing may be what failed.
      this.writtenItems.clear();
      await sleep(heldRetryMs(this.heldAttempts++));
      return false;
    }
  }

  /** The item a command was about and the project clock, as the last write put them. */
  answerOf(
    state: ProjectState,
    cal: WorkingDayCalendar,
    itemCode: string | undefined,
    answer?: 'report',
  ): CommandAnswer['changed'] {
    const { written } = this;
    if (!written) return undefined;
    const item = itemCode ? state.items.find((i) => i.code === itemCode) : undefined;
    const clock = item ? written.clocks.get(item.code) : undefined;
    return {
      ...(item && clock ? { item: itemReport(item, clock) } : {}),
      clock: clockReport(written.clock),
      asOf: written.day,
      ...(answer === 'report' ? { report: buildReport(state, cal, written.day) } : {}),
    };
  }
}
