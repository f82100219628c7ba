/**
 * The clocks of docs/design.md §4, computed from state for a given day. Pure: the workflow uses
 * it for its timers and the API for reports, so both always agree.
 *
 * - A day counts when it is a working day in (from, to] of an interval (art. 82: the starting
 *   day is not counted); an open interval runs through `today`, today included.
 * - Item clock: its own intervals. Project clock: the union of every item's intervals
 *   (parallel items share days). Paused time (supplements, special procedures) is not counted.
 * - Risk: AT_RISK once the used days reach the warning threshold (policy); OVERDUE once the due
 *   date has ended with the item still open (or more days used than the limit).
 */
import { formatEpochDay, parseDate } from '../../calendar/src/core';
import type { DateInterval, WorkingDayCalendar } from '../../calendar/src/core';
import {
  criticalPath,
  riskOf,
  warningThresholdDays,
  type Risk,
  type WarningRule,
} from '../../domain/src';
import { isClosed } from './statuses';
import type { DayInterval, ItemState, ProjectState } from './types';

export interface ItemClock {
  limitDays: number;
  usedDays: number;
  remainingDays: number;
  /** The last working day of the limit while the clock runs; null when stopped or closed. */
  dueDate: string | null;
  /** The working day on which the warning threshold is reached, while the clock runs. */
  warnDate: string | null;
  risk: Risk;
  running: boolean;
  provisional: boolean;
}

export interface ProjectClock {
  limitDays: number;
  usedDays: number;
  remainingDays: number;
  pausedDays: number;
  percentUsed: number;
  risk: Risk;
  /**
   * The limit's last working day while the project runs: ahead of today while days remain, the
   * day the limit ran out once it has (whether or not an item runs now); null when nothing runs
   * and days remain.
   */
  dueDate: string | null;
  /** Working days used beyond the limit (0 while within it). */
  overdueDays: number;
  projectedCompletionDate: string | null;
  provisional: boolean;
}

const RANK: Record<Risk, number> = { ON_TRACK: 0, AT_RISK: 1, OVERDUE: 2 };
export const worstRisk = (...risks: Risk[]): Risk =>
  risks.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'ON_TRACK');
export const riskRank = (r: Risk) => RANK[r];

function closeAt(iv: DayInterval, today: string): DateInterval {
  const to = iv.to ?? today;
  return { from: iv.from, to: to < iv.from ? iv.from : to };
}

export function itemClock(
  item: ItemState,
  cal: WorkingDayCalendar,
  today: string,
  warning: WarningRule,
): ItemClock {
  const limitDays = item.limitDays + item.extensionDays;
  let usedDays = 0;
  let provisional = false;
  let usedBeforeOpen = 0;
  for (const iv of item.intervals) {
    const c = cal.workingDaysBetween(iv.from, closeAt(iv, today).to);
    usedDays += c.days;
    provisional ||= c.provisional;
    if (iv.to !== undefined) usedBeforeOpen += c.days;
  }
  const open = item.intervals.length > 0 ? item.intervals[item.intervals.length - 1] : undefined;
  const running = item.status === 'UNDER_REVIEW' && open !== undefined && open.to === undefined;
  let dueDate: string | null = null;
  let warnDate: string | null = null;
  if (running) {
    const due = cal.addWorkingDays(open.from, Math.max(0, limitDays - usedBeforeOpen));
    dueDate = due.date;
    provisional ||= due.provisional;
    const threshold = warningThresholdDays(limitDays, warning);
    warnDate = cal.addWorkingDays(open.from, Math.max(0, threshold - usedBeforeOpen)).date;
  }
  let risk: Risk;
  if (isClosed(item.status)) {
    risk = usedDays > limitDays ? 'OVERDUE' : 'ON_TRACK';
  } else if (running && dueDate !== null && today > dueDate) {
    risk = 'OVERDUE';
  } else {
    risk = riskOf(usedDays, limitDays, warning);
    if (item.status === 'SUSPENDED') risk = worstRisk(risk, 'AT_RISK');
  }
  return {
    limitDays,
    usedDays,
    remainingDays: Math.max(0, limitDays - usedDays),
    dueDate,
    warnDate,
    risk,
    running,
    provisional,
  };
}

const allIntervals = (items: readonly ItemState[], today: string): DateInterval[] =>
  items.flatMap((i) => [...i.pastIntervals, ...i.intervals].map((iv) => closeAt(iv, today)));

/** Working days on which at least one of the items' clocks ran. */
export function unionDays(items: readonly ItemState[], cal: WorkingDayCalendar, today: string) {
  const ivs = allIntervals(items, today);
  return ivs.length ? cal.unionWorkingDays(ivs) : { days: 0, provisional: false };
}

export function projectClock(
  state: ProjectState,
  cal: WorkingDayCalendar,
  today: string,
  itemClocks: Map<string, ItemClock> = computeItemClocks(state, cal, today),
): ProjectClock {
  const limitDays = state.limitDays;
  const used = unionDays(state.items, cal, today);
  const pauses = state.items.flatMap((i) => i.pauses.map((p) => closeAt(p, today)));
  const paused = pauses.length ? cal.unionWorkingDays(pauses) : { days: 0, provisional: false };
  const anyRunning = [...itemClocks.values()].some((c) => c.running);
  let dueDate: string | null = null;
  let provisional = used.provisional || paused.provisional;
  if (state.status === 'IN_PROGRESS' && used.days >= limitDays) {
    dueDate = dayLimitReached(allIntervals(state.items, today), cal, limitDays);
  } else if (anyRunning && state.status === 'IN_PROGRESS') {
    const d = cal.addWorkingDays(today, limitDays - used.days);
    dueDate = d.date;
    provisional ||= d.provisional;
  }
  const itemRisk = worstRisk(...[...itemClocks.values()].map((c) => c.risk));
  // Overdue once more days were used than the limit allows (a paused clock at exactly the limit
  // is not: the file is with the applicant).
  const clockRisk = riskOf(used.days, limitDays, state.warning);
  // An item past its promise puts the project at risk at least; the project is overdue when
  // its own clock is, or when an item is (an escalation the supervisor must see).
  const risk = state.status === 'IN_PROGRESS' ? worstRisk(clockRisk, itemRisk) : clockRisk;

  let projectedCompletionDate: string | null = state.closedOn ?? null;
  if (state.status === 'IN_PROGRESS') {
    const stageOrder = state.stages.map((s) => s.code);
    const current = stageOrder.indexOf(state.stage);
    const path = criticalPath(
      state.items
        .filter((i) => !isClosed(i.status) && stageOrder.indexOf(i.stage) >= current)
        .map((i) => ({
          code: i.code,
          stage: i.stage,
          limitDays: itemClocks.get(i.code)?.remainingDays ?? i.limitDays,
          prerequisites: i.prerequisites,
        })),
    );
    const p = cal.addWorkingDays(today, path.totalDays);
    projectedCompletionDate = p.date;
    provisional ||= p.provisional;
  }
  return {
    limitDays,
    usedDays: used.days,
    remainingDays: Math.max(0, limitDays - used.days),
    pausedDays: paused.days,
    percentUsed: Math.round((used.days / limitDays) * 1000) / 10,
    risk,
    dueDate,
    overdueDays: Math.max(0, used.days - limitDays),
    projectedCompletionDate,
    provisional: provisional || [...itemClocks.values()].some((c) => c.provisional),
  };
}

/**
 * The first day on which the union of the intervals had used `limitDays` working days: the
 * count only grows, so a binary search over the days between the first start and the last end
 * finds it in a dozen counts.
 */
function dayLimitReached(
  ivs: DateInterval[],
  cal: WorkingDayCalendar,
  limitDays: number,
): string | null {
  if (ivs.length === 0) return null;
  const usedThrough = (day: string) =>
    cal.unionWorkingDays(
      ivs
        .filter((iv) => iv.from < day)
        .map((iv) => ({ from: iv.from, to: iv.to < day ? iv.to : day })),
    ).days;
  let lo = Math.min(...ivs.map((iv) => parseDate(iv.from, 'from')));
  let hi = Math.max(...ivs.map((iv) => parseDate(iv.to, 'to')));
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (usedThrough(formatEpochDay(mid)) >= limitDays) hi = mid;
    else lo = mid + 1;
  }
  return formatEpochDay(lo);
}

export function computeItemClocks(state: ProjectState, cal: WorkingDayCalendar, today: string) {
  return new Map(state.items.map((i) => [i.code, itemClock(i, cal, today, state.warning)]));
}

export function stageUsedDays(
  state: ProjectState,
  stage: string,
  cal: WorkingDayCalendar,
  today: string,
) {
  return unionDays(
    state.items.filter((i) => i.stage === stage),
    cal,
    today,
  ).days;
}
