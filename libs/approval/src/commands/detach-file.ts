import { filesOfRound, uploadClosedBecause } from '../materials';
import { named, refuse } from './command';
import { findItem, findItemMaterial } from './guards';
import type { CommandHandler } from './handler';

/** The applicant takes back a file of a material's open round (to replace it). */
export const detachFile: CommandHandler<'DETACH_FILE'> = {
  validate(state, c) {
    const item = findItem(state, c.itemCode);
    const m = findItemMaterial(item, c.materialCode);
    const closed = uploadClosedBecause(state, item, m);
    if (closed)
      refuse('CONFLICT', closed, {
        key: 'UPLOAD_CLOSED',
        params: { material: named(m), status: item.status },
      });
    if (!filesOfRound(m).some((f) => f.id === c.fileId))
      refuse('NOT_FOUND', `file ${c.fileId} is not in the open round of material ${m.code}`, {
        key: 'NOT_FOUND',
      });
  },

  apply(state, c, _ctx, out) {
    const item = findItem(state, c.itemCode);
    const m = findItemMaterial(item, c.materialCode);
    m.files = m.files.filter((f) => f.id !== c.fileId);
    if (filesOfRound(m).length === 0) m.status = m.round > 1 ? 'NEEDS_CORRECTION' : 'MISSING';
    out.event('MATERIAL_FILE_REMOVED', {
      stage: item.stage,
      itemCode: item.code,
      detail: { material: m.code, name: m.name, file: c.fileId, round: m.round },
    });
    return item;
  },
};
