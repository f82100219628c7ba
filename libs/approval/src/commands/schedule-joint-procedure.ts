import { pause } from '../item-clock';
import * as notices from '../notices';
import { isClosed } from '../statuses';
import type { ItemState, ProjectState } from '../types';
import { named, refuse } from './command';
import { checkDate, findItem } from './guards';
import type { CommandHandler } from './handler';

/** The items taking part: those named, or the open items of the stage that need `type`. */
function jointItems(state: ProjectState, type: string, codes?: string[]): ItemState[] {
  if (codes && codes.length) return codes.map((c) => findItem(state, c));
  return state.items.filter(
    (i) => i.stage === state.stage && i.jointProcedure === type && !isClosed(i.status),
  );
}

/**
 * One scheduled event (site survey, drawing review, acceptance, surveying) for the departments
 * of its items. A joint site survey stops the items' clocks until every department has recorded
 * its result (art. 45); the other procedures are review time.
 */
export const scheduleJointProcedure: CommandHandler<'SCHEDULE_JOINT_PROCEDURE'> = {
  validate(state, c, ctx) {
    checkDate(ctx.cal, c.date, 'date');
    if (c.date < ctx.today) refuse('INVALID', `date must be today or later (${ctx.today})`);
    const items = jointItems(state, c.type, c.itemCodes);
    if (items.length === 0)
      refuse('CONFLICT', `no open item of stage ${state.stage} takes part in ${c.type}`, {
        key: 'NO_JOINT_ITEMS',
        params: { type: c.type },
      });
    const bad = items.find((i) => i.status !== 'UNDER_REVIEW');
    if (bad)
      refuse(
        'CONFLICT',
        `item ${bad.code} is ${bad.status}; a joint procedure needs its items UNDER_REVIEW`,
        { key: 'ITEM_STATE', params: { item: named(bad), status: bad.status } },
      );
    const busy = state.jointProcedures.find(
      (j) => j.status === 'SCHEDULED' && j.itemCodes.some((x) => items.some((i) => i.code === x)),
    );
    if (busy)
      refuse(
        'CONFLICT',
        `joint procedure ${busy.id} (${busy.type}) already holds some of these items`,
        { key: 'JOINT_BUSY', params: { type: busy.type } },
      );
  },

  apply(state, c, ctx, out) {
    const items = jointItems(state, c.type, c.itemCodes);
    const id = ctx.newId();
    const departments = [...new Set(items.map((i) => i.department))].sort();
    state.jointProcedures.push({
      id,
      type: c.type,
      stage: state.stage,
      scheduledFor: c.date,
      itemCodes: items.map((i) => i.code),
      departments,
      results: {},
      status: 'SCHEDULED',
    });
    out.event('JOINT_PROCEDURE_SCHEDULED', {
      stage: state.stage,
      detail: { id, type: c.type, date: c.date, items: items.map((i) => i.code), departments },
    });
    for (const d of departments) {
      const codes = items.filter((i) => i.department === d).map((i) => i.code);
      out.notice(notices.jointProcedureScheduled(state, d, c.type, c.date, codes));
    }
    if (c.type !== 'SITE_SURVEY') return;
    const days = Math.max(1, ctx.cal.workingDaysBetween(ctx.today, c.date).days);
    for (const item of items) {
      pause(item, 'SITE_SURVEY', ctx.today, {
        expectedDays: days,
        note: `joint site survey ${id}`,
      });
      out.event('SPECIAL_PROCEDURE_STARTED', {
        stage: item.stage,
        itemCode: item.code,
        detail: { procedure: 'SITE_SURVEY', jointProcedure: id, expectedUntil: c.date },
        clockEffect: 'STOPPED',
      });
    }
    out.notice(
      notices.siteSurveyStopsClocks(
        state,
        items.map((i) => i.code),
        days,
        c.date,
      ),
    );
  },
};
