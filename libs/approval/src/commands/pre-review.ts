/**
 * 预审 (拿地即开工): while a stage is in review, the applicant hands in the next stage's
 * materials; its departments look and comment — no decision and no clock, so pre-review days
 * never count — and the applicant corrects and hands in again. When the current stage completes,
 * the pre-reviewed stage is handed in at once (`advance`): the window confirms it in one click,
 * or the catalogue's policy accepts it at once; either way its clocks start the day the
 * previous stage completed.
 */
import * as notices from '../notices';
import { named, refuse } from './command';
import { findItem, requireText, stageOf } from './guards';
import type { CommandHandler } from './handler';
import { refuseMissing } from './submit-stage';

/** A pre-review comment's longest text (the API's DTO says the same). */
export const MAX_PRE_REVIEW_COMMENT = 2000;

export const preReviewStage: CommandHandler<'PRE_REVIEW_STAGE'> = {
  validate(state, c) {
    const next = stageOf(state, c.stage);
    const current = stageOf(state, state.stage);
    if (state.stages.indexOf(next) !== state.stages.indexOf(current) + 1)
      refuse(
        'CONFLICT',
        `stage ${c.stage} does not follow the current stage ${state.stage}; only the next stage can be handed in for pre-review`,
        { key: 'NOT_NEXT_STAGE', params: { stage: c.stage, current: state.stage } },
      );
    if (current.status !== 'IN_REVIEW')
      refuse(
        'CONFLICT',
        `stage ${current.code} is ${current.status}; the next stage is pre-reviewed while it is IN_REVIEW`,
        { key: 'STAGE_STATE', params: { stage: current.code, status: current.status } },
      );
    if (next.status !== 'NOT_STARTED')
      refuse('CONFLICT', `stage ${c.stage} is ${next.status}`, {
        key: 'STAGE_STATE',
        params: { stage: c.stage, status: next.status },
      });
    refuseMissing(state, c.stage);
  },

  apply(state, c, ctx, out) {
    const next = stageOf(state, c.stage);
    const again = next.preReviewedOn !== undefined;
    next.preReviewedOn = ctx.today;
    for (const i of state.items)
      if (i.stage === c.stage && i.status === 'PENDING') i.status = 'PRE_REVIEW';
    out.event(again ? 'PRE_REVIEW_CORRECTED' : 'PRE_REVIEW_SUBMITTED', {
      stage: c.stage,
      detail: { note: c.note },
    });
  },
};

export const preReviewComment: CommandHandler<'PRE_REVIEW_COMMENT'> = {
  validate(state, c) {
    const item = findItem(state, c.itemCode);
    if (item.status !== 'PRE_REVIEW')
      refuse('CONFLICT', `item ${item.code} is ${item.status}, not in pre-review`, {
        key: 'ITEM_STATE',
        params: { item: named(item), status: item.status },
      });
    const text = requireText(c.comment, 'comment');
    if (text.length > MAX_PRE_REVIEW_COMMENT)
      refuse('INVALID', `comment must be at most ${MAX_PRE_REVIEW_COMMENT} characters`);
  },

  apply(state, c, _ctx, out) {
    const item = findItem(state, c.itemCode);
    const comment = c.comment.trim();
    out.event('PRE_REVIEW_COMMENTED', {
      stage: item.stage,
      itemCode: item.code,
      detail: { comment },
    });
    out.notice(notices.preReviewComment(state, item, comment));
    return item;
  },
};
