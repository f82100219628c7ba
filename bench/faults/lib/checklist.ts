import { checklist } from '../../../libs/domain/src';

/** Items in the checklist the answers give (all stages): the rows expected per project. */
export function checklistSize(answers: Record<string, unknown>): number {
  return checklist(answers).stages.reduce(
    (n, s) => n + s.themes.reduce((m, t) => m + t.items.length, 0),
    0,
  );
}
