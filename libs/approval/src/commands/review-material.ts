import { filesOfRound } from '../materials';
import { named, refuse } from './command';
import { findItem, findItemMaterial, requireText } from './guards';
import type { CommandHandler } from './handler';

/**
 * A reviewing officer judges one material of an item under review: accepted, or needing
 * correction with the reason (a supplement request then asks the applicant for a new version).
 */
export const reviewMaterial: CommandHandler<'REVIEW_MATERIAL'> = {
  validate(state, c) {
    const item = findItem(state, c.itemCode);
    const m = findItemMaterial(item, c.materialCode);
    if (item.status !== 'UNDER_REVIEW')
      refuse('CONFLICT', `item ${item.code} is ${item.status}; materials are judged under review`, {
        key: 'ITEM_STATE',
        params: { item: named(item), status: item.status },
      });
    if (c.verdict !== 'ACCEPTED' && c.verdict !== 'NEEDS_CORRECTION')
      refuse('INVALID', 'verdict must be ACCEPTED or NEEDS_CORRECTION');
    if (filesOfRound(m).length === 0)
      refuse(
        'CONFLICT',
        `material ${m.code} has no file in round ${m.round} to judge (${m.status})`,
        { key: 'NO_FILE_TO_JUDGE', params: { material: named(m) } },
      );
    if (c.verdict === 'NEEDS_CORRECTION') requireText(c.reason, 'reason (what to correct)');
  },

  apply(state, c, ctx, out, env) {
    const item = findItem(state, c.itemCode);
    const m = findItemMaterial(item, c.materialCode);
    m.status = c.verdict;
    m.verdict = {
      status: c.verdict,
      by: env.actor.username,
      on: ctx.today,
      round: m.round,
      ...(c.reason ? { reason: c.reason } : {}),
    };
    out.event('MATERIAL_REVIEWED', {
      stage: item.stage,
      itemCode: item.code,
      detail: {
        material: m.code,
        name: m.name,
        verdict: c.verdict,
        round: m.round,
        reason: c.reason,
      },
    });
    return item;
  },
};
