import { startClock } from '../item-clock';
import { advance } from './advance';
import { named, refuse } from './command';
import { findItem } from './guards';
import type { CommandHandler } from './handler';

/**
 * The applicant applies again for a rejected item: a new round with a fresh item clock; the
 * earlier rounds' days stay on the project clock. The stage is no longer blocked by it.
 */
export const resubmitItem: CommandHandler<'RESUBMIT_ITEM'> = {
  validate(state, c) {
    const item = findItem(state, c.itemCode);
    if (item.status !== 'REJECTED')
      refuse(
        'CONFLICT',
        `item ${item.code} is ${item.status}; only a rejected item can be resubmitted`,
        { key: 'ITEM_STATE', params: { item: named(item), status: item.status } },
      );
  },

  apply(state, c, ctx, out) {
    const item = findItem(state, c.itemCode);
    item.pastIntervals.push(...item.intervals);
    item.intervals = [];
    item.deficiencies = [];
    item.round += 1;
    item.risk = 'ON_TRACK';
    delete item.decidedOn;
    startClock(item, ctx.today);
    out.event('ITEM_RESUBMITTED', {
      stage: item.stage,
      itemCode: item.code,
      detail: { note: c.note, round: item.round },
      clockEffect: 'RESTARTED',
    });
    advance(state, ctx.today, out);
    return item;
  },
};
