import type { ProjectState } from '../../../../libs/approval/src';
import { defaultStages } from '../../../../libs/domain/src';
import type { PlanTarget } from '../../../../libs/persistence/src';

export type TargetState = 'MET' | 'LATE' | 'OPEN';

/**
 * Where the project stands against one target of the specialist's plan, on `today` (the
 * calendar's civil day, Asia/Shanghai): MET when the stage completed — or the item was approved —
 * on or before the target date (销号); LATE when the date passed and it was not met (met after
 * the date counts as late too: the target was missed); OPEN otherwise.
 */
export function judgeTarget(state: ProjectState, t: PlanTarget, today: string) {
  let doneOn: string | undefined;
  let name = '';
  let nameEn = '';
  if ('stage' in t) {
    const stage = state.stages.find((s) => s.code === t.stage);
    const named = defaultStages.find((s) => s.code === t.stage);
    name = named?.name ?? t.stage;
    nameEn = named?.nameEn ?? t.stage;
    doneOn = stage?.status === 'COMPLETED' ? stage.completedOn : undefined;
  } else {
    const item = state.items.find((i) => i.code === t.item);
    name = item?.name ?? t.item;
    nameEn = item?.nameEn ?? t.item;
    doneOn = item?.status === 'APPROVED' ? item.decidedOn : undefined;
  }
  const met = doneOn !== undefined && doneOn <= t.date;
  const late = !met && (today > t.date || doneOn !== undefined);
  const view: TargetState = met ? 'MET' : late ? 'LATE' : 'OPEN';
  return {
    ...('stage' in t ? { stage: t.stage } : { item: t.item }),
    name,
    nameEn,
    date: t.date,
    state: view,
    met,
    late,
    ...(doneOn ? { doneOn } : {}),
  };
}

/**
 * Why a target cannot be in this project's plan (naming the field), or undefined: exactly one
 * of stage and item, and the item one of the project's.
 */
export function targetProblem(
  state: ProjectState,
  t: { stage?: string; item?: string },
  at: string,
): string | undefined {
  if ((t.stage === undefined) === (t.item === undefined))
    return `${at}: give either stage or item, not both or neither`;
  if (t.item !== undefined && !state.items.some((i) => i.code === t.item))
    return `${at}.item: ${t.item} is not an item of this project`;
  return undefined;
}
