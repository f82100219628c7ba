import { isClosed } from '../statuses';
import { named, refuse } from './command';
import { findItem, requireText } from './guards';
import type { CommandHandler } from './handler';

/** Art. 42: a department head extends an item's limit, by at most 10 working days in all. */
export const MAX_EXTENSION_DAYS = 10;

export const grantExtension: CommandHandler<'GRANT_EXTENSION'> = {
  validate(state, c) {
    const item = findItem(state, c.itemCode);
    if (isClosed(item.status) || item.status === 'PENDING' || item.status === 'SUBMITTED')
      refuse(
        'CONFLICT',
        `item ${item.code} is ${item.status}; only an item under review can be extended`,
        { key: 'ITEM_STATE', params: { item: named(item), status: item.status } },
      );
    if (!Number.isInteger(c.days) || c.days < 1)
      refuse('INVALID', 'days must be a whole number of working days, at least 1');
    if (item.extensionDays + c.days > MAX_EXTENSION_DAYS)
      refuse(
        'CONFLICT',
        `item ${item.code} already has ${item.extensionDays} extension days; art. 42 allows ${MAX_EXTENSION_DAYS} in all`,
        {
          key: 'EXTENSION_LIMIT',
          params: { item: named(item), used: item.extensionDays, max: MAX_EXTENSION_DAYS },
        },
      );
    requireText(c.reason, 'reason');
  },

  apply(state, c, ctx, out) {
    const item = findItem(state, c.itemCode);
    item.extensionDays += c.days;
    out.event('EXTENSION_GRANTED', {
      stage: item.stage,
      itemCode: item.code,
      detail: { days: c.days, reason: c.reason },
      clockEffect: 'EXTENDED',
    });
    return item;
  },
};
