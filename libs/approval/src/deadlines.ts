/**
 * What time does to a project: warnings, overdue escalations and missed 容缺 commitments. The
 * workflow keeps ONE durable timer, for the earliest of these instants across all items and
 * the project (`nextDeadline`), and on waking applies everything due (`evaluateDeadlines`).
 * That is the same as a warning and a due timer per running item, without a timer per item in
 * the history: pausing an item removes its instants, resuming or a new calendar recomputes them.
 */
import type { WorkingDayCalendar } from '../../calendar/src/core';
import { warningThresholdDays } from '../../domain/src';
import { ItemClock, computeItemClocks, projectClock, riskRank, unionDays } from './clock';
import { pause } from './item-clock';
import * as notices from './notices';
import type { Outbox } from './outbox';
import { isInReview } from './statuses';
import type { ProjectState } from './types';

export function evaluateDeadlines(
  state: ProjectState,
  cal: WorkingDayCalendar,
  today: string,
  out: Outbox,
) {
  if (state.status !== 'IN_PROGRESS') return;
  for (const item of state.items) {
    if (!isInReview(item.status)) continue;
    for (const d of item.deficiencies) {
      if (d.status !== 'OPEN' || today <= d.dueDate) continue;
      d.status = 'MISSED';
      const suspend = item.status === 'UNDER_REVIEW';
      // Suspended from the end of the committed day: the days after it are the applicant's.
      if (suspend) pause(item, 'DEFICIENCY_OVERDUE', d.dueDate, { note: d.description });
      out.event('DEFICIENCY_MISSED', {
        stage: item.stage,
        itemCode: item.code,
        detail: { description: d.description, dueDate: d.dueDate },
        ...(suspend ? { clockEffect: 'STOPPED' as const } : {}),
      });
      for (const n of notices.deficiencyMissed(state, item, d)) out.notice(n);
    }
  }
  const clocks = computeItemClocks(state, cal, today);
  for (const item of state.items) {
    const c = clocks.get(item.code)!;
    if (!isInReview(item.status)) continue;
    if (riskRank(c.risk) <= riskRank(item.risk)) {
      item.risk = c.risk; // an extension or a new calendar can lower it
      continue;
    }
    item.risk = c.risk;
    const type = c.risk === 'AT_RISK' ? 'ITEM_AT_RISK' : 'ITEM_OVERDUE';
    const key = deadlineKey(type, `${item.code}|${item.round}|${c.dueDate ?? ''}`);
    out.event(type, {
      stage: item.stage,
      itemCode: item.code,
      detail: { usedDays: c.usedDays, limitDays: c.limitDays, dueDate: c.dueDate },
      key,
    });
    if (c.risk === 'AT_RISK') out.keyedNotice(key, notices.itemWarning(state, item, c));
    else for (const n of notices.itemOverdue(state, item, c)) out.keyedNotice(key, n);
  }
  const pc = projectClock(state, cal, today, clocks);
  if (riskRank(pc.risk) > riskRank(state.risk)) {
    const type = pc.risk === 'OVERDUE' ? 'PROJECT_OVERDUE' : 'PROJECT_AT_RISK';
    const key = deadlineKey(type, pc.dueDate ?? '');
    out.event(type, { detail: { usedDays: pc.usedDays, limitDays: pc.limitDays }, key });
    if (pc.risk === 'OVERDUE' || pc.usedDays >= warningThresholdDays(pc.limitDays, state.warning)) {
      out.keyedNotice(key, notices.projectRisk(state, pc));
    }
  }
  state.risk = pc.risk;
}

/** A crossing's key: its kind and what identifies it (the item's round and due date …). */
export function deadlineKey(type: string, of: string): string {
  return `${type}|${of}`;
}

/**
 * How long after a risk instant this project's workflow wakes for it: a fixed share of
 * `spreadMs` picked by its id (FNV-1a), so that projects whose instants fall on one midnight do
 * not all wake at once. The read model has the crossing at the instant itself: lists and
 * reports count from `warns_at` / `overdue_at`, and the deadline sweep writes the risk, the
 * events and the notices within its period (apps/worker/src/deadline-sweep.ts).
 */
export function wakeDelayMs(projectId: string, spreadMs: number): number {
  if (!(spreadMs > 0)) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < projectId.length; i++) {
    h ^= projectId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % Math.floor(spreadMs);
}

/**
 * The earliest instant after `now` at which `evaluateDeadlines` would change something; a risk
 * instant counts `riskDelayMs` later (wakeDelayMs), a missed 容缺 commitment — which stops the
 * item's clock — at once.
 */
export function nextDeadline(
  state: ProjectState,
  cal: WorkingDayCalendar,
  today: string,
  now: number,
  riskDelayMs = 0,
): number | undefined {
  if (state.status !== 'IN_PROGRESS') return undefined;
  const at: number[] = [];
  const risk: number[] = [];
  const clocks = computeItemClocks(state, cal, today);
  let anyRunning = false;
  for (const item of state.items) {
    const c: ItemClock = clocks.get(item.code)!;
    for (const d of item.deficiencies)
      if (d.status === 'OPEN') at.push(cal.endOfDay(d.dueDate) + 1);
    if (!c.running) continue;
    anyRunning = true;
    if (c.warnDate && riskRank(item.risk) < 1) risk.push(cal.startOfDay(c.warnDate));
    if (c.dueDate && riskRank(item.risk) < 2) risk.push(cal.endOfDay(c.dueDate) + 1);
  }
  if (anyRunning && riskRank(state.risk) < 2) {
    const used = unionDays(state.items, cal, today).days;
    const threshold = warningThresholdDays(state.limitDays, state.warning);
    if (used < threshold)
      risk.push(cal.startOfDay(cal.addWorkingDays(today, threshold - used).date));
    risk.push(
      cal.endOfDay(cal.addWorkingDays(today, Math.max(0, state.limitDays - used)).date) + 1,
    );
  }
  for (const t of risk) at.push(t + riskDelayMs);
  const future = at.filter((t) => t > now);
  return future.length ? Math.min(...future) : undefined;
}

/**
 * When time alone raises the project's risk, as of `today`: the first instant its report turns
 * AT_RISK (`warnsAt`) and OVERDUE (`overdueAt`), each null when time alone will not (nothing
 * runs, or the risk is already there). The read model stores both, so a list filtered by risk
 * finds a project at that instant, before the workflow's timer wakes it. Same rules as
 * `itemClock` and `projectClock`: an item is overdue from the day after its due date; the
 * project's own clock is at risk on the day it reaches the threshold and overdue on the working
 * day after its limit; the project takes its items' risks.
 */
export function riskInstants(
  state: ProjectState,
  cal: WorkingDayCalendar,
  today: string,
  clocks: Map<string, ItemClock> = computeItemClocks(state, cal, today),
): { warnsAt: number | null; overdueAt: number | null } {
  if (state.status !== 'IN_PROGRESS') return { warnsAt: null, overdueAt: null };
  const warn: number[] = [];
  const due: number[] = [];
  let anyRunning = false;
  for (const c of clocks.values()) {
    if (!c.running) continue;
    anyRunning = true;
    if (c.warnDate && riskRank(c.risk) < 1) warn.push(cal.startOfDay(c.warnDate));
    if (c.dueDate && riskRank(c.risk) < 2) due.push(cal.endOfDay(c.dueDate) + 1);
  }
  if (anyRunning) {
    const used = unionDays(state.items, cal, today).days;
    const threshold = warningThresholdDays(state.limitDays, state.warning);
    try {
      if (used < threshold) {
        warn.push(cal.startOfDay(cal.addWorkingDays(today, threshold - used).date));
      }
      if (used <= state.limitDays) {
        due.push(cal.startOfDay(cal.addWorkingDays(today, state.limitDays - used + 1).date));
      }
    } catch {
      // Beyond the calendar's last year: the workflow's own timer covers it once the year loads.
    }
  }
  const pc = projectClock(state, cal, today, clocks);
  // Epoch milliseconds: the caller formats them (this library does not touch Date).
  const first = (at: number[]) => (at.length ? Math.min(...at) : null);
  return {
    warnsAt: riskRank(pc.risk) < 1 ? first(warn) : null,
    overdueAt: riskRank(pc.risk) < 2 ? first(due) : null,
  };
}
