/**
 * What the decisions share: the status guard, the approval's checks and the end of an item's
 * clock with its record (decide.ts and commitment.ts use them).
 */
import { stopClock } from '../item-clock';
import { materialNames, provideResults } from '../materials';
import * as notices from '../notices';
import type { ItemState, ProjectState } from '../types';
import type { Outbox } from '../outbox';
import { advance } from './advance';
import { named, refuse, type CommandOf } from './command';
import type { Ctx, ValidateCtx } from './handler';

type Decide = CommandOf<'DECIDE'>;

/** One decision of a reviewing officer: its guard beside its change. */
export interface Decision {
  validate(state: ProjectState, item: ItemState, c: Decide, ctx: ValidateCtx): void;
  apply(state: ProjectState, item: ItemState, c: Decide, ctx: Ctx, out: Outbox): void;
}

/** Refuses unless the item's status is one the action needs. */
export function need(item: ItemState, c: Decide, ok: boolean, what: string) {
  if (!ok)
    refuse('CONFLICT', `item ${item.code} is ${item.status}; ${c.action} needs it ${what}`, {
      key: 'ITEM_STATE',
      params: { item: named(item), status: item.status },
    });
}

export const base = (item: ItemState) => ({ stage: item.stage, itemCode: item.code });

/** The joint procedure still holding the item, if any. */
export const scheduledJoint = (state: ProjectState, item: ItemState) =>
  state.jointProcedures.find((j) => j.status === 'SCHEDULED' && j.itemCodes.includes(item.code));

/**
 * An approval or a rejection: the item's clock ends, the decision is recorded, and the stage
 * moves on (a rejection blocks it and tells the applicant why).
 */
export function decideItem(
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
  const commitment =
    status === 'APPROVED' && item.onCommitment
      ? {
          onCommitment: true,
          commitment: item.onCommitment.text,
          checkDue: item.onCommitment.checkDue,
        }
      : {};
  out.event(status === 'APPROVED' ? 'ITEM_APPROVED' : 'ITEM_REJECTED', {
    ...base(item),
    detail: { comment: c.comment, ...commitment },
    clockEffect: 'ENDED',
  });
  if (status === 'REJECTED') out.notice(notices.itemRejected(state, item, c.comment));
  else {
    provideResults(state.items, item);
    out.notice(notices.itemApproved(state, item, ctx.today));
  }
  advance(state, ctx.today, out);
}

/** An approval's checks: under review, no open 容缺, no joint procedure, nothing to correct. */
export function approvable(state: ProjectState, item: ItemState, c: Decide) {
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
}

/** An approval accepts what was handed in and not judged yet, and ends the item. */
export function approve(state: ProjectState, item: ItemState, c: Decide, ctx: Ctx, out: Outbox) {
  for (const m of item.materials ?? []) if (m.status === 'UPLOADED') m.status = 'ACCEPTED';
  decideItem(state, item, 'APPROVED', c, ctx, out);
}
