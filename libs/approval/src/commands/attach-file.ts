import { MAX_FILES_PER_ROUND, filesOfRound, uploadClosedBecause } from '../materials';
import { named, refuse } from './command';
import { findItem, findItemMaterial } from './guards';
import type { CommandHandler } from './handler';

/**
 * The applicant hands in a file for a material: the API has stored it and passes its id and
 * hash. The file joins the material's current round, which is open before the item is accepted,
 * for a supplement request that names the material, or for a promised 容缺 material.
 */
export const attachFile: CommandHandler<'ATTACH_FILE'> = {
  validate(state, c) {
    const item = findItem(state, c.itemCode);
    const m = findItemMaterial(item, c.materialCode);
    const closed = uploadClosedBecause(state, item, m);
    if (closed)
      refuse('CONFLICT', closed, {
        key: 'UPLOAD_CLOSED',
        params: { material: named(m), status: item.status },
      });
    if (!/^[0-9a-f]{64}$/.test(c.file?.sha256 ?? ''))
      refuse('INVALID', 'file.sha256 must be a SHA-256 in hex');
    if (typeof c.file.id !== 'string' || c.file.id.length === 0 || c.file.id.length > 64)
      refuse('INVALID', 'file.id must be the stored file’s id');
    if (m.files.some((f) => f.id === c.file.id))
      refuse('CONFLICT', `file ${c.file.id} is already handed in for material ${m.code}`, {
        key: 'FILE_HANDED_IN',
        params: { material: named(m) },
      });
    if (filesOfRound(m).length >= MAX_FILES_PER_ROUND)
      refuse('CONFLICT', `material ${m.code} takes at most ${MAX_FILES_PER_ROUND} files a round`, {
        key: 'TOO_MANY_FILES',
        params: { material: named(m), max: MAX_FILES_PER_ROUND },
      });
  },

  apply(state, c, _ctx, out) {
    const item = findItem(state, c.itemCode);
    const m = findItemMaterial(item, c.materialCode);
    m.files.push({ id: c.file.id, sha256: c.file.sha256, round: m.round });
    if (m.status !== 'UPLOADED') m.status = 'UPLOADED';
    delete m.verdict;
    out.event('MATERIAL_UPLOADED', {
      stage: item.stage,
      itemCode: item.code,
      detail: { material: m.code, name: m.name, file: c.file.id, round: m.round },
    });
    return item;
  },
};
