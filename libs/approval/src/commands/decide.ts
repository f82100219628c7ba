import { pause, endStop, resume } from '../item-clock';
import { askAgain, findMaterial, type MaterialState } from '../materials';
import * as notices from '../notices';
import { SPECIAL_PROCEDURE_TYPES, type ItemState } from '../types';
import { approveOnCommitment } from './commitment';
import { CommandOf, DECISION_ACTIONS, DecisionAction, named, refuse } from './command';
import {
  approvable,
  approve,
  base,
  decideItem,
  need,
  scheduledJoint,
  type Decision,
} from './decision-steps';
import { checkDate, findItem, requireText } from './guards';
import type { CommandHandler } from './handler';

type Decide = CommandOf<'DECIDE'>;

/**
 * The materials a supplement request asks for again: those it names, else those an officer
 * judged NEEDS_CORRECTION; each with why.
 */
function toCorrect(item: ItemState, c: Decide): { m: MaterialState; reason?: string }[] {
  if (c.materials?.length) {
    return c.materials.map((x, i) => {
      const m =
        findMaterial(item, x.code) ??
        refuse('NOT_FOUND', `materials[${i}]: item ${item.code} asks for no material ${x.code}`, {
          key: 'NOT_FOUND',
        });
      if (m.status === 'WAIVED' || m.status === 'PROVIDED_BY_RESULT')
        refuse('CONFLICT', `materials[${i}]: material ${m.code} is ${m.status}`, {
          key: 'MATERIAL_STATE',
          params: { material: named(m), status: m.status },
        });
      return { m, reason: x.reason ?? m.verdict?.reason };
    });
  }
  return (item.materials ?? [])
    .filter((m) => m.status === 'NEEDS_CORRECTION')
    .map((m) => ({ m, reason: m.verdict?.reason }));
}

const DECISIONS: Record<DecisionAction, Decision> = {
  /** Approval ends the item's clock; the stage may complete. */
  APPROVE: {
    validate(state, item, c) {
      approvable(state, item, c);
    },
    apply(state, item, c, ctx, out) {
      approve(state, item, c, ctx, out);
    },
  },

  APPROVE_ON_COMMITMENT: approveOnCommitment,

  /** A rejection (with its reason) ends the item's clock and blocks the stage. */
  REJECT: {
    validate(_state, item, c) {
      need(
        item,
        c,
        item.status === 'UNDER_REVIEW' || item.status === 'SUSPENDED',
        'UNDER_REVIEW or SUSPENDED',
      );
      requireText(c.comment, 'comment (the reason for the rejection)');
    },
    apply(state, item, c, ctx, out) {
      if (item.status === 'SUSPENDED') resume(item, ctx.today);
      decideItem(state, item, 'REJECTED', c, ctx, out);
    },
  },

  /** 补正: the clock stops until the applicant answers; the named materials open a new round. */
  REQUEST_SUPPLEMENT: {
    validate(_state, item, c) {
      need(item, c, item.status === 'UNDER_REVIEW', 'UNDER_REVIEW');
      requireText(c.comment, 'comment (what the applicant must supply)');
      toCorrect(item, c);
    },
    apply(state, item, c, ctx, out) {
      const again = toCorrect(item, c);
      for (const { m, reason } of again) askAgain(m, reason);
      pause(item, 'SUPPLEMENT', ctx.today, { note: c.comment });
      out.event('SUPPLEMENT_REQUESTED', {
        ...base(item),
        detail: {
          comment: c.comment,
          ...(again.length
            ? { materials: again.map(({ m, reason }) => ({ code: m.code, name: m.name, reason })) }
            : {}),
        },
        clockEffect: 'STOPPED',
      });
      out.notice(notices.supplementRequested(state, item, ctx.today, c.comment, again));
    },
  },

  /** Art. 45: expert review, public notice, hearing … are not counted; the clock stops. */
  START_SPECIAL_PROCEDURE: {
    validate(_state, item, c) {
      need(item, c, item.status === 'UNDER_REVIEW', 'UNDER_REVIEW');
      const p = c.procedure;
      if (!p || !SPECIAL_PROCEDURE_TYPES.includes(p.type))
        refuse('INVALID', `procedure.type must be one of ${SPECIAL_PROCEDURE_TYPES.join(', ')}`);
      if (!Number.isInteger(p.expectedDays) || p.expectedDays < 1 || p.expectedDays > 250)
        refuse('INVALID', 'procedure.expectedDays must be a whole number of working days, 1-250');
    },
    apply(state, item, c, ctx, out) {
      const p = c.procedure ?? refuse('INVALID', 'procedure is required');
      const until = ctx.cal.addWorkingDays(ctx.today, p.expectedDays).date;
      pause(item, p.type, ctx.today, { expectedDays: p.expectedDays, note: c.comment });
      out.event('SPECIAL_PROCEDURE_STARTED', {
        ...base(item),
        detail: {
          procedure: p.type,
          expectedDays: p.expectedDays,
          expectedUntil: until,
          comment: c.comment,
        },
        clockEffect: 'STOPPED',
      });
      out.notice(notices.specialProcedureStarted(state, item, ctx.today, p, until));
    },
  },

  /** The procedure is over: the clock runs again (unless a 容缺 was missed meanwhile). */
  END_SPECIAL_PROCEDURE: {
    validate(state, item, c) {
      need(item, c, item.status === 'SPECIAL_PROCEDURE', 'in a SPECIAL_PROCEDURE');
      const inSiteSurvey = item.pauses.some(
        (p) => p.to === undefined && p.reason === 'SITE_SURVEY',
      );
      if (inSiteSurvey && scheduledJoint(state, item))
        refuse(
          'CONFLICT',
          `item ${item.code} waits for a joint site survey; it ends when every department has recorded its result`,
          { key: 'WAITS_SITE_SURVEY', params: { item: named(item) } },
        );
    },
    apply(state, item, c, ctx, out) {
      const missed = endStop(item, ctx.today);
      out.event('SPECIAL_PROCEDURE_ENDED', {
        ...base(item),
        detail: { comment: c.comment },
        ...(missed ? {} : { clockEffect: 'RESUMED' as const }),
      });
      out.notice(
        missed
          ? notices.stillStopped(state, item, missed, ctx.today)
          : notices.specialProcedureEnded(state, item, ctx.today),
      );
    },
  },

  /** 容缺: review goes on on the applicant's commitment to deliver by a date. */
  ACCEPT_WITH_DEFICIENCY: {
    validate(_state, item, c, ctx) {
      need(item, c, item.status === 'UNDER_REVIEW', 'UNDER_REVIEW');
      const d =
        c.deficiency ?? refuse('INVALID', 'deficiency is required: { description, dueDate }');
      requireText(d.description, 'deficiency.description');
      checkDate(ctx.cal, d.dueDate, 'deficiency.dueDate');
      if (d.dueDate <= ctx.today)
        refuse('INVALID', `deficiency.dueDate must be after today (${ctx.today})`);
    },
    apply(state, item, c, ctx, out) {
      const d =
        c.deficiency ?? refuse('INVALID', 'deficiency is required: { description, dueDate }');
      item.deficiencies.push({
        id: ctx.newId(),
        description: d.description,
        dueDate: d.dueDate,
        status: 'OPEN',
      });
      out.event('ACCEPTED_WITH_DEFICIENCY', {
        ...base(item),
        detail: { description: d.description, dueDate: d.dueDate },
      });
      out.notice(notices.acceptedWithDeficiency(state, item, d));
    },
  },
};

/** A reviewing officer decides on an item: one of `DECISION_ACTIONS`. */
export const decide: CommandHandler<'DECIDE'> = {
  validate(state, c, ctx) {
    const item = findItem(state, c.itemCode);
    if (!DECISION_ACTIONS.includes(c.action))
      refuse('INVALID', `action must be one of ${DECISION_ACTIONS.join(', ')}`);
    DECISIONS[c.action].validate(state, item, c, ctx);
  },

  apply(state, c, ctx, out) {
    const item = findItem(state, c.itemCode);
    DECISIONS[c.action].apply(state, item, c, ctx, out);
    return item;
  },
};
