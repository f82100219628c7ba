import { pause, endStop, resume, stopClock } from '../item-clock';
import {
  askAgain,
  findMaterial,
  materialNames,
  provideResults,
  type MaterialState,
} from '../materials';
import * as notices from '../notices';
import { SPECIAL_PROCEDURE_TYPES, type ItemState, type ProjectState } from '../types';
import { advance } from './advance';
import { CommandOf, DECISION_ACTIONS, DecisionAction, named, refuse } from './command';
import { checkDate, findItem, requireText } from './guards';
import type { CommandHandler, Ctx, ValidateCtx } from './handler';
import type { Outbox } from '../outbox';

type Decide = CommandOf<'DECIDE'>;

/** One decision of a reviewing officer: its guard beside its change. */
interface Decision {
  validate(state: ProjectState, item: ItemState, c: Decide, ctx: ValidateCtx): void;
  apply(state: ProjectState, item: ItemState, c: Decide, ctx: Ctx, out: Outbox): void;
}

/** Refuses unless the item's status is one the action needs. */
function need(item: ItemState, c: Decide, ok: boolean, what: string) {
  if (!ok)
    refuse('CONFLICT', `item ${item.code} is ${item.status}; ${c.action} needs it ${what}`, {
      key: 'ITEM_STATE',
      params: { item: named(item), status: item.status },
    });
}

const base = (item: ItemState) => ({ stage: item.stage, itemCode: item.code });

/** The joint procedure still holding the item, if any. */
const scheduledJoint = (state: ProjectState, item: ItemState) =>
  state.jointProcedures.find((j) => j.status === 'SCHEDULED' && j.itemCodes.includes(item.code));

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

/**
 * An approval or a rejection: the item's clock ends, the decision is recorded, and the stage
 * moves on (a rejection blocks it and tells the applicant why).
 */
function decideItem(
  state: ProjectState,
  item: ItemState,
  status: 'APPROVED' | 'REJECTED',
  c: Decide,
  ctx: Ctx,
  out: Outbox,
) {
  stopClock(item, ctx.today);
  item.status = status;
  item.decidedOn = ctx.today;
  item.decisionComment = c.comment;
  out.event(status === 'APPROVED' ? 'ITEM_APPROVED' : 'ITEM_REJECTED', {
    ...base(item),
    detail: { comment: c.comment },
    clockEffect: 'ENDED',
  });
  if (status === 'REJECTED') out.notice(notices.itemRejected(state, item, c.comment));
  else {
    provideResults(state.items, item);
    out.notice(notices.itemApproved(state, item, ctx.today));
  }
  advance(state, ctx.today, out);
}

const DECISIONS: Record<DecisionAction, Decision> = {
  /** Approval ends the item's clock; the stage may complete. */
  APPROVE: {
    validate(state, item, c) {
      need(item, c, item.status === 'UNDER_REVIEW', 'UNDER_REVIEW');
      const open = item.deficiencies.find((d) => d.status !== 'DELIVERED');
      if (open)
        refuse(
          'CONFLICT',
          `item ${item.code} has an outstanding deficiency (${open.description}, due ${open.dueDate}); it cannot be approved before the materials arrive`,
          { key: 'OPEN_DEFICIENCY', params: { item: named(item), dueDate: open.dueDate } },
        );
      const jp = scheduledJoint(state, item);
      if (jp)
        refuse(
          'CONFLICT',
          `item ${item.code} is in joint procedure ${jp.type} (${jp.id}) that has not finished`,
          { key: 'IN_JOINT_PROCEDURE', params: { item: named(item), type: jp.type } },
        );
      const wrong = (item.materials ?? []).filter((m) => m.status === 'NEEDS_CORRECTION');
      if (wrong.length)
        refuse(
          'CONFLICT',
          `item ${item.code} has materials that need correction: ${materialNames(wrong)}; request a supplement`,
          { key: 'NEEDS_CORRECTION', params: { item: named(item), materials: wrong.map(named) } },
        );
    },
    apply(state, item, c, ctx, out) {
      // An approval accepts what was handed in and not judged yet.
      for (const m of item.materials ?? []) if (m.status === 'UPLOADED') m.status = 'ACCEPTED';
      decideItem(state, item, 'APPROVED', c, ctx, out);
    },
  },

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
