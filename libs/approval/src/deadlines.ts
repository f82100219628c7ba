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
import { Outbox } from './transitions';
import type { ProjectState } from './types';

const OPEN = new Set(['UNDER_REVIEW', 'SUPPLEMENT_REQUESTED', 'SPECIAL_PROCEDURE', 'SUSPENDED']);

export function evaluateDeadlines(
  state: ProjectState,
  cal: WorkingDayCalendar,
  today: string,
  out: Outbox,
) {
  if (state.status !== 'IN_PROGRESS') return;
  for (const item of state.items) {
    if (!OPEN.has(item.status)) continue;
    for (const d of item.deficiencies) {
      if (d.status !== 'OPEN' || today <= d.dueDate) continue;
      d.status = 'MISSED';
      const suspend = item.status === 'UNDER_REVIEW';
      if (suspend) {
        const open = item.intervals[item.intervals.length - 1];
        if (open && open.to === undefined) open.to = d.dueDate < open.from ? open.from : d.dueDate;
        item.pauses.push({ reason: 'DEFICIENCY_OVERDUE', from: d.dueDate, note: d.description });
        item.status = 'SUSPENDED';
      }
      out.event('DEFICIENCY_MISSED', {
        stage: item.stage,
        itemCode: item.code,
        detail: { description: d.description, dueDate: d.dueDate },
        ...(suspend ? { clockEffect: 'STOPPED' as const } : {}),
      });
      out.notice({
        recipientRole: 'APPLICANT',
        organisation: state.ownerOrganisation,
        kind: 'DEFICIENCY_MISSED',
        itemCode: item.code,
        message: `"${d.description}" for ${item.name} was due on ${d.dueDate} and has not arrived: the item is suspended and its clock stopped until you deliver it.`,
      });
      out.notice({
        recipientRole: 'OFFICER',
        department: item.department,
        kind: 'DEFICIENCY_MISSED',
        itemCode: item.code,
        message: `${state.name}: ${item.code} suspended, committed materials missing since ${d.dueDate}.`,
      });
    }
  }
  const clocks = computeItemClocks(state, cal, today);
  for (const item of state.items) {
    const c = clocks.get(item.code)!;
    if (!OPEN.has(item.status)) continue;
    if (riskRank(c.risk) <= riskRank(item.risk)) {
      item.risk = c.risk; // an extension or a new calendar can lower it
      continue;
    }
    item.risk = c.risk;
    if (c.risk === 'AT_RISK') {
      out.event('ITEM_AT_RISK', {
        stage: item.stage,
        itemCode: item.code,
        detail: { usedDays: c.usedDays, limitDays: c.limitDays, dueDate: c.dueDate },
      });
      out.notice({
        recipientRole: 'OFFICER',
        department: item.department,
        kind: 'WARNING',
        itemCode: item.code,
        message: `${state.name}: ${item.name} has used ${c.usedDays} of ${c.limitDays} working days; due ${c.dueDate ?? '(clock stopped)'}.`,
      });
    } else {
      out.event('ITEM_OVERDUE', {
        stage: item.stage,
        itemCode: item.code,
        detail: { usedDays: c.usedDays, limitDays: c.limitDays, dueDate: c.dueDate },
      });
      for (const recipientRole of ['DEPARTMENT_HEAD', 'SUPERVISOR'] as const) {
        out.notice({
          recipientRole,
          department: item.department,
          kind: 'OVERDUE_ESCALATION',
          itemCode: item.code,
          message: `${state.name}: ${item.name} (${item.department}) passed its limit of ${c.limitDays} working days (due ${c.dueDate}).`,
        });
      }
    }
  }
  const pc = projectClock(state, cal, today, clocks);
  if (riskRank(pc.risk) > riskRank(state.risk)) {
    out.event(pc.risk === 'OVERDUE' ? 'PROJECT_OVERDUE' : 'PROJECT_AT_RISK', {
      detail: { usedDays: pc.usedDays, limitDays: pc.limitDays },
    });
    if (pc.risk === 'OVERDUE' || pc.usedDays >= warningThresholdDays(pc.limitDays, state.warning)) {
      out.notice({
        recipientRole: 'SUPERVISOR',
        kind: pc.risk === 'OVERDUE' ? 'OVERDUE_ESCALATION' : 'WARNING',
        message: `${state.name}: ${pc.usedDays} of ${pc.limitDays} working days used on the project clock.`,
      });
    }
  }
  state.risk = pc.risk;
}

/** The earliest instant after `now` at which `evaluateDeadlines` would change something. */
export function nextDeadline(
  state: ProjectState,
  cal: WorkingDayCalendar,
  today: string,
  now: number,
): number | undefined {
  if (state.status !== 'IN_PROGRESS') return undefined;
  const at: number[] = [];
  const clocks = computeItemClocks(state, cal, today);
  let anyRunning = false;
  for (const item of state.items) {
    const c: ItemClock = clocks.get(item.code)!;
    for (const d of item.deficiencies)
      if (d.status === 'OPEN') at.push(cal.endOfDay(d.dueDate) + 1);
    if (!c.running) continue;
    anyRunning = true;
    if (c.warnDate && riskRank(item.risk) < 1) at.push(cal.startOfDay(c.warnDate));
    if (c.dueDate && riskRank(item.risk) < 2) at.push(cal.endOfDay(c.dueDate) + 1);
  }
  if (anyRunning && riskRank(state.risk) < 2) {
    const used = unionDays(state.items, cal, today).days;
    const threshold = warningThresholdDays(state.limitDays, state.warning);
    if (used < threshold) at.push(cal.startOfDay(cal.addWorkingDays(today, threshold - used).date));
    at.push(cal.endOfDay(cal.addWorkingDays(today, Math.max(0, state.limitDays - used)).date) + 1);
  }
  const future = at.filter((t) => t > now);
  return future.length ? Math.min(...future) : undefined;
}
