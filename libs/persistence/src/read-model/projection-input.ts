/**
 * What the project workflow sends to be written (activities/projection.activities.ts): its
 * state, its items' clocks, and what happened since its last write; and `projectionOf`, which
 * computes the clocks of a state for a write. Pure: workflow code imports it (`core`).
 */
import {
  computeItemClocks,
  projectClock,
  riskInstants,
  type Notice,
  type ProjectState,
  type TimelineEvent,
} from '../../../approval/src';
import type { WorkingDayCalendar } from '../../../calendar/src/core';
import type { Risk } from '../../../domain/src';
import { itemRowKey, itemRowOf, type ItemRowClock } from './item-row';

/** An item's clock as of the write; its row is `itemRowOf` of the state's item and this. */
export interface ProjectionItem extends ItemRowClock {
  code: string;
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

/** ISO instants of riskInstants' epoch milliseconds, as the read model stores them. */
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * A state's write as of `day`: each item's clock with the key of its row (equal keys, equal
 * rows), the project clock as written, and the clocks themselves (a command's answer).
 */
export function projectionOf(state: ProjectState, cal: WorkingDayCalendar, day: string) {
  const clocks = computeItemClocks(state, cal, day);
  const clock = projectClock(state, cal, day, clocks);
  const items = state.items.map((i) => {
    const c = clocks.get(i.code)!;
    const item: ProjectionItem = {
      code: i.code,
      dueDate: c.dueDate,
      risk: c.risk,
      usedDays: c.usedDays,
    };
    return { item, key: itemRowKey(itemRowOf(i, c)) };
  });
  // When time alone raises the risk: lists find the project then, before the next wake-up.
  const at = riskInstants(state, cal, day, clocks);
  const written: ProjectionInput['projectClock'] = {
    usedDays: clock.usedDays,
    remainingDays: clock.remainingDays,
    risk: clock.risk,
    dueDate: clock.dueDate,
    warnsAt: iso(at.warnsAt),
    overdueAt: iso(at.overdueAt),
  };
  return { clocks, clock, items, projectClock: written };
}
