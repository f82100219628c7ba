/**
 * The changes to an item's clock, in one place: the commands and the deadlines use these and
 * nothing else to start, stop, pause or resume it (clock.ts reads the result).
 *
 * An item's clock is its list of `intervals` (working days in (from, to], art. 82) and its
 * `pauses` (why and since when it stopped). A pause closes the open interval and opens a pause;
 * resuming closes the pause and opens a new interval on the same day.
 */
import type { Deficiency, ItemState, ItemStatus, PauseReason } from './types';

/** The status a stopped item is in, by why it stopped. */
const PAUSED_STATUS = (reason: PauseReason): ItemStatus =>
  reason === 'SUPPLEMENT'
    ? 'SUPPLEMENT_REQUESTED'
    : reason === 'DEFICIENCY_OVERDUE'
      ? 'SUSPENDED'
      : 'SPECIAL_PROCEDURE';

/** The item is under review from `from` on: its clock runs (the day itself is not counted). */
export function startClock(item: ItemState, from: string) {
  item.status = 'UNDER_REVIEW';
  item.intervals.push({ from });
}

/** Closes the open interval on `on` (never before it opened). */
export function stopClock(item: ItemState, on: string) {
  const open = item.intervals[item.intervals.length - 1];
  if (open && open.to === undefined) open.to = on < open.from ? open.from : on;
}

/** Stops the clock on `on` for `reason`; the item waits in the status that reason gives. */
export function pause(
  item: ItemState,
  reason: PauseReason,
  on: string,
  extra: { expectedDays?: number; note?: string } = {},
) {
  stopClock(item, on);
  item.pauses.push({ reason, from: on, ...extra });
  item.status = PAUSED_STATUS(reason);
}

/** Closes the open pause, if any, on `on`. */
function endPause(item: ItemState, on: string) {
  const p = item.pauses[item.pauses.length - 1];
  if (p && p.to === undefined) p.to = on;
}

/** Ends the pause and runs the clock again from `on`. */
export function resume(item: ItemState, on: string) {
  endPause(item, on);
  startClock(item, on);
}

/**
 * Ends a supplement or special procedure: the clock runs again — unless a 容缺 commitment was
 * missed meanwhile. Then the item stays stopped, SUSPENDED, until the materials arrive (the
 * applicant's time, not counted), and the missed deficiency is returned.
 */
export function endStop(item: ItemState, on: string): Deficiency | undefined {
  const missed = item.deficiencies.find((d) => d.status === 'MISSED');
  if (!missed) {
    resume(item, on);
    return undefined;
  }
  endPause(item, on);
  pause(item, 'DEFICIENCY_OVERDUE', on, { note: missed.description });
  return missed;
}

/** A decision or a withdrawal ends the clock, and any pause, on `on`. */
export function closeItem(item: ItemState, on: string) {
  stopClock(item, on);
  endPause(item, on);
}
