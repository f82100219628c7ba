import { resume } from '../item-clock';
import { isMissing, materialNames } from '../materials';
import { isClosed } from '../statuses';
import { named, refuse } from './command';
import { findItem } from './guards';
import type { CommandHandler } from './handler';

/** The applicant delivers the materials promised under 容缺; a suspended item runs again. */
export const deliverDeficiency: CommandHandler<'DELIVER_DEFICIENCY'> = {
  validate(state, c) {
    const item = findItem(state, c.itemCode);
    if (!item.deficiencies.some((d) => d.status !== 'DELIVERED'))
      refuse('CONFLICT', `item ${item.code} has no outstanding deficiency`, {
        key: 'NO_OUTSTANDING_DEFICIENCY',
        params: { item: named(item) },
      });
    if (isClosed(item.status))
      refuse('CONFLICT', `item ${item.code} is ${item.status}`, {
        key: 'ITEM_STATE',
        params: { item: named(item), status: item.status },
      });
    const promised = item.deficiencies
      .filter((d) => d.status !== 'DELIVERED')
      .flatMap((d) => d.materials ?? []);
    const missing = (item.materials ?? []).filter((m) => promised.includes(m.code) && isMissing(m));
    if (missing.length)
      refuse('INVALID', `hand in first: ${materialNames(missing)}`, {
        key: 'HAND_IN_FIRST',
        params: { materials: missing.map(named) },
      });
  },

  apply(state, c, ctx, out) {
    const item = findItem(state, c.itemCode);
    for (const d of item.deficiencies) {
      if (d.status !== 'DELIVERED') {
        d.status = 'DELIVERED';
        d.deliveredOn = ctx.today;
      }
    }
    const wasSuspended = item.status === 'SUSPENDED';
    if (wasSuspended) resume(item, ctx.today);
    out.event('DEFICIENCY_DELIVERED', {
      stage: item.stage,
      itemCode: item.code,
      detail: { note: c.note },
      ...(wasSuspended ? { clockEffect: 'RESUMED' as const } : {}),
    });
    return item;
  },
};
