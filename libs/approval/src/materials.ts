/**
 * An item's materials in the workflow's state: what each one is, whether the project needs it,
 * which files were handed in for it in each round, and what the window and the officers said of
 * it. Files live in object storage; the state holds only their ids and hashes. Projects started
 * before materials have none (`ItemState.materials` absent), and every rule here then holds
 * nothing back.
 */
import type { MaterialInput, MaterialState } from './material-state';
import type { ItemState, ProjectState } from './types';

export * from './material-state';

/** Most files one material takes in one round (a drawing set may be several files). */
export const MAX_FILES_PER_ROUND = 20;

export function materialState(m: MaterialInput): MaterialState {
  return {
    ...m,
    status: m.required ? 'MISSING' : 'WAIVED',
    round: 1,
    files: [],
  };
}

export const filesOfRound = (m: MaterialState) => m.files.filter((f) => f.round === m.round);

/** Whether the applicant must still hand it in itself (an earlier item's result is not asked). */
const toHandIn = (m: MaterialState) => m.required && !m.producedBy;

/** Asked for and without a file in its current round. */
export const isMissing = (m: MaterialState) =>
  toHandIn(m) && (m.status === 'MISSING' || m.status === 'NEEDS_CORRECTION');

/** "申请表 (APPLICATION)", for refusals and notices. */
export const materialNames = (ms: readonly MaterialState[]) =>
  ms.map((m) => `${m.name} (${m.code})`).join(', ');

/**
 * Whether the applicant may add or remove files of `m` now, or why not: before the item is
 * accepted (replacing is fine until then), when a supplement asks for it, or when a 容缺
 * deficiency promised it.
 */
export function uploadClosedBecause(
  state: Pick<ProjectState, 'stages'>,
  item: ItemState,
  m: MaterialState,
): string | undefined {
  if (m.status === 'PROVIDED_BY_RESULT')
    return `material ${m.code} of item ${item.code} is provided by the result of ${m.producedBy}`;
  if (m.status === 'WAIVED') return `material ${m.code} of item ${item.code} is waived`;
  // Before the window accepted the item's stage (an accepted item may still wait, PENDING, for
  // its prerequisites: its materials were accepted with the stage).
  const s = state.stages.find((x) => x.code === item.stage);
  const stage = s?.status;
  // Accepted per theme: before the window accepted the item's theme.
  const notAccepted = s?.themes
    ? s.themes[item.theme]?.status !== 'ACCEPTED'
    : stage === 'NOT_STARTED' || stage === 'RETURNED' || stage === 'SUBMITTED';
  const handing = ['PENDING', 'SUBMITTED', 'PRE_REVIEW'].includes(item.status);
  if (notAccepted && handing) return undefined;
  if (item.status === 'SUPPLEMENT_REQUESTED' && m.status === 'NEEDS_CORRECTION') return undefined;
  const promised = item.deficiencies.some(
    (d) => d.status !== 'DELIVERED' && d.materials?.includes(m.code),
  );
  if (promised) return undefined;
  return `the round of material ${m.code} of item ${item.code} is closed (the item is ${item.status}); files are taken before acceptance, for a supplement request or a promised 容缺 material`;
}

/** The state of material `code` of the item, if the item has such a material. */
export const findMaterial = (item: ItemState, code: string) =>
  item.materials?.find((m) => m.code === code);

/** Once an item is approved, what its result is for later items needs no hand-in. */
export function provideResults(items: ItemState[], producer: ItemState): void {
  for (const item of items)
    for (const m of item.materials ?? [])
      if (m.producedBy === producer.code && m.status !== 'WAIVED') m.status = 'PROVIDED_BY_RESULT';
}

/** Asks for a material again: a new round opens, with the reason. */
export function askAgain(m: MaterialState, reason: string | undefined): void {
  m.status = 'NEEDS_CORRECTION';
  m.round += 1;
  if (reason) m.correction = reason;
  else delete m.correction;
}

/** The materials' names for a notice, with why each is asked for: one list per language. */
export function materialsForNotice(ms: readonly { m: MaterialState; reason?: string }[]): {
  materials: string;
  materialsEn: string;
} {
  const list = (name: (m: MaterialState) => string, open: string, close: string, sep: string) =>
    ms.map(({ m, reason }) => `${name(m)}${reason ? `${open}${reason}${close}` : ''}`).join(sep);
  return {
    materials: list((m) => m.name, '（', '）', '、'),
    materialsEn: list((m) => m.nameEn, ' (', ')', '; '),
  };
}
