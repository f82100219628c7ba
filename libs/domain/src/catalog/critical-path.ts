import { STAGE_CODES, type StageCode } from '../project-types';

/** What the critical path needs of an item: checklist items and catalog items both fit. */
export interface PathItem {
  readonly code: string;
  readonly stage: StageCode;
  /** Working days the item still takes: its promised limit, or what is left of it (0 when done). */
  readonly limitDays: number;
  readonly prerequisites: readonly string[];
}

export interface StagePath {
  readonly stage: StageCode;
  /** Length of the longest prerequisite chain in the stage, in working days (0 if no items). */
  readonly days: number;
  /** The items of that chain, first to last. */
  readonly itemCodes: readonly string[];
}

export interface CriticalPath {
  readonly totalDays: number;
  readonly stages: readonly StagePath[];
}

/**
 * The critical-path estimate of a set of items: stages run one after another, so their lengths
 * add up; inside a stage every item starts when the stage is accepted, except that an item waits
 * for its prerequisites in the same stage. So a stage lasts as long as its longest prerequisite
 * chain. Prerequisites not in `items` (not required, waived, or already approved and left out)
 * and prerequisites in earlier stages do not delay anything.
 *
 * For a projection of the remaining process, pass the open items with the working days they
 * have left; a stage whose items are all done contributes 0.
 *
 * Throws on a limit that is not a non-negative whole number and on a prerequisite cycle (a
 * loaded catalog has none).
 */
export function criticalPath(items: readonly PathItem[]): CriticalPath {
  const byCode = new Map<string, PathItem>();
  for (const item of items) {
    if (!Number.isInteger(item.limitDays) || item.limitDays < 0) {
      throw new RangeError(
        `item ${item.code}: limitDays must be a non-negative whole number, got ${item.limitDays}`,
      );
    }
    if (byCode.has(item.code)) throw new RangeError(`item ${item.code}: listed twice`);
    byCode.set(item.code, item);
  }

  // finish[code] = longest chain ending with the item, within its stage.
  const finish = new Map<string, { days: number; chain: string[] }>();
  const visiting = new Set<string>();
  const chainTo = (item: PathItem): { days: number; chain: string[] } => {
    const known = finish.get(item.code);
    if (known) return known;
    if (visiting.has(item.code)) throw new RangeError(`item ${item.code}: prerequisite cycle`);
    visiting.add(item.code);
    let before: { days: number; chain: string[] } = { days: 0, chain: [] };
    for (const code of item.prerequisites) {
      const prerequisite = byCode.get(code);
      if (!prerequisite || prerequisite.stage !== item.stage) continue;
      const candidate = chainTo(prerequisite);
      if (candidate.days > before.days) before = candidate;
    }
    visiting.delete(item.code);
    const result = { days: before.days + item.limitDays, chain: [...before.chain, item.code] };
    finish.set(item.code, result);
    return result;
  };

  const stages = STAGE_CODES.map((stage): StagePath => {
    let best: { days: number; chain: string[] } = { days: 0, chain: [] };
    for (const item of items) {
      if (item.stage !== stage) continue;
      const candidate = chainTo(item);
      if (candidate.days > best.days) best = candidate;
    }
    return { stage, days: best.days, itemCodes: best.chain };
  });
  return { totalDays: stages.reduce((sum, s) => sum + s.days, 0), stages };
}
