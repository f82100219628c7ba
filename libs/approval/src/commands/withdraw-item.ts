import { closeItem } from '../item-clock';
import { advance } from './advance';
import { named, refuse } from './command';
import { findItem } from './guards';
import type { CommandHandler } from './handler';

/** The applicant withdraws an item of the current stage: it no longer holds the stage. */
export const withdrawItem: CommandHandler<'WITHDRAW_ITEM'> = {
  validate(state, c) {
    const item = findItem(state, c.itemCode);
    if (item.status === 'APPROVED' || item.status === 'WITHDRAWN')
      refuse('CONFLICT', `item ${item.code} is already ${item.status}`, {
        key: 'ITEM_STATE',
        params: { item: named(item), status: item.status },
      });
    if (item.stage !== state.stage)
      refuse(
        'CONFLICT',
        `item ${item.code} belongs to stage ${item.stage}; only items of the current stage (${state.stage}) can be withdrawn`,
        { key: 'ITEM_OTHER_STAGE', params: { item: named(item), stage: item.stage } },
      );
  },

  apply(state, c, ctx, out) {
    const item = findItem(state, c.itemCode);
    closeItem(item, ctx.today);
    item.status = 'WITHDRAWN';
    out.event('ITEM_WITHDRAWN', {
      stage: item.stage,
      itemCode: item.code,
      detail: { reason: c.reason },
      clockEffect: 'ENDED',
    });
    advance(state, ctx.today, out);
    return item;
  },
};
