/**
 * The materials rules the pages show before a click, on the API's view of a material; the API
 * holds the same rules (libs/approval's materials.ts) and refuses whatever this gets wrong.
 */
import type { MaterialStatus } from '../../api/types';

type Material = { required: boolean; producedBy: string | null; status: MaterialStatus };

/** The applicant must still hand it in: asked for, not an earlier result, no file this round. */
export const toHandIn = (m: Material) =>
  m.required && !m.producedBy && (m.status === 'MISSING' || m.status === 'NEEDS_CORRECTION');

/** Handed in by the applicant at all (not waived, not an earlier item's result). */
export const byApplicant = (m: Material) =>
  m.required && !m.producedBy && m.status !== 'WAIVED' && m.status !== 'PROVIDED_BY_RESULT';

const BEFORE_ACCEPTANCE = new Set(['NOT_STARTED', 'RETURNED', 'SUBMITTED']);

/**
 * Whether the applicant may add or take back files of `m` now: before the window accepted the
 * item's stage, for a supplement request naming it, or for a material promised under 容缺 (an
 * accepted item still missing a material has promised it: the window accepts nothing else).
 */
export function uploadOpen(
  stageStatus: string | undefined,
  item: { status: string; deficiencies: { status: string }[] },
  m: Material,
): boolean {
  if (m.status === 'PROVIDED_BY_RESULT' || m.status === 'WAIVED') return false;
  if (
    stageStatus &&
    BEFORE_ACCEPTANCE.has(stageStatus) &&
    (item.status === 'PENDING' || item.status === 'SUBMITTED')
  )
    return true;
  if (item.status === 'SUPPLEMENT_REQUESTED' && m.status === 'NEEDS_CORRECTION') return true;
  return (
    item.deficiencies.some((d) => d.status !== 'DELIVERED') &&
    toHandIn(m) &&
    !['APPROVED', 'REJECTED', 'WITHDRAWN'].includes(item.status)
  );
}

/** How many of an item's materials the applicant hands in, and how many of those are missing. */
export function handInCount(i: { materials: Material[] }) {
  const own = i.materials.filter(byApplicant);
  return { total: own.length, missing: own.filter(toHandIn).length };
}
