import { endStop } from '../item-clock';
import { materialNames } from '../materials';
import * as notices from '../notices';
import { named, refuse } from './command';
import { findItem } from './guards';
import type { CommandHandler } from './handler';

/** The applicant supplies what was asked: the item's clock runs again (unless a 容缺 was missed). */
export const answerSupplement: CommandHandler<'ANSWER_SUPPLEMENT'> = {
  validate(state, c) {
    const item = findItem(state, c.itemCode);
    if (item.status !== 'SUPPLEMENT_REQUESTED')
      refuse('CONFLICT', `item ${item.code} is ${item.status}; no supplement was requested`, {
        key: 'NO_SUPPLEMENT',
        params: { item: named(item) },
      });
    const missing = (item.materials ?? []).filter((m) => m.status === 'NEEDS_CORRECTION');
    if (missing.length)
      refuse('INVALID', `hand in new versions first: ${materialNames(missing)}`, {
        key: 'NEW_VERSIONS_FIRST',
        params: { materials: missing.map(named) },
      });
  },

  apply(state, c, ctx, out) {
    const item = findItem(state, c.itemCode);
    const missed = endStop(item, ctx.today);
    out.event('SUPPLEMENT_ANSWERED', {
      stage: item.stage,
      itemCode: item.code,
      detail: { note: c.note },
      ...(missed ? {} : { clockEffect: 'RESUMED' as const }),
    });
    if (missed) out.notice(notices.stillStopped(state, item, missed, ctx.today));
    return item;
  },
};
