/**
 * What each party has to do next on a project, from its state alone: the applicant (or its
 * agent), the window, the reviewing officers of each department. Lists and reports show it; the
 * commands' validators remain the authority on what is allowed.
 */
import { themeNames, type StageCode } from '../../domain/src';
import { canHandIn, themesOf } from './commands/themes';
import type { ProjectState, StageState } from './types';

export type NextActionKind =
  | 'SUBMIT_STAGE'
  | 'ANSWER_SUPPLEMENT'
  | 'DELIVER_DEFICIENCY'
  | 'RESUBMIT_ITEM'
  | 'ACCEPT_STAGE'
  | 'DECIDE_ITEM'
  | 'RECORD_JOINT_RESULT';

export interface NextAction {
  kind: NextActionKind;
  /** Who acts: the applicant's side, or the staff role. */
  by: 'APPLICANT' | 'WINDOW_OFFICER' | 'REVIEWING_OFFICER';
  stage: StageCode;
  itemCode?: string;
  itemName?: string;
  itemNameEn?: string;
  /** 一次受理 per theme: the theme to hand in (the stage's other themes have their own). */
  theme?: string;
  themeName?: string;
  themeNameEn?: string;
  /** For officers' actions: the department that acts. */
  department?: string;
  /** A deficiency's commitment date, or a joint procedure's id. */
  dueDate?: string;
  procedureId?: string;
}

export function nextActions(state: ProjectState): NextAction[] {
  if (state.status !== 'IN_PROGRESS') return [];
  const out: NextAction[] = [];
  const stage = state.stages.find((s) => s.code === state.stage);
  if (stage && state.acceptPerTheme) themeActions(state, stage, out);
  else {
    if (stage && (stage.status === 'NOT_STARTED' || stage.status === 'RETURNED'))
      out.push({ kind: 'SUBMIT_STAGE', by: 'APPLICANT', stage: stage.code });
    if (stage?.status === 'SUBMITTED')
      out.push({ kind: 'ACCEPT_STAGE', by: 'WINDOW_OFFICER', stage: stage.code });
  }
  for (const i of state.items) {
    const base = { stage: i.stage, itemCode: i.code, itemName: i.name, itemNameEn: i.nameEn };
    if (i.status === 'SUPPLEMENT_REQUESTED')
      out.push({ kind: 'ANSWER_SUPPLEMENT', by: 'APPLICANT', ...base });
    if (i.status === 'REJECTED') out.push({ kind: 'RESUBMIT_ITEM', by: 'APPLICANT', ...base });
    const owed = i.deficiencies.find((d) => d.status !== 'DELIVERED');
    if (owed && i.status !== 'APPROVED' && i.status !== 'WITHDRAWN' && i.status !== 'REJECTED')
      out.push({ kind: 'DELIVER_DEFICIENCY', by: 'APPLICANT', ...base, dueDate: owed.dueDate });
    if (i.status === 'UNDER_REVIEW' || i.status === 'SPECIAL_PROCEDURE')
      out.push({ kind: 'DECIDE_ITEM', by: 'REVIEWING_OFFICER', ...base, department: i.department });
  }
  for (const jp of state.jointProcedures) {
    if (jp.status !== 'SCHEDULED') continue;
    for (const d of jp.departments) {
      if (jp.results[d]) continue;
      const item = state.items.find((i) => jp.itemCodes.includes(i.code) && i.department === d);
      out.push({
        kind: 'RECORD_JOINT_RESULT',
        by: 'REVIEWING_OFFICER',
        stage: jp.stage,
        itemCode: item?.code,
        itemName: item?.name,
        itemNameEn: item?.nameEn,
        department: d,
        procedureId: jp.id,
        dueDate: jp.scheduledFor,
      });
    }
  }
  return out;
}

/** Accepted per theme: each theme still to hand in is the applicant's; any handed in the window's. */
function themeActions(state: ProjectState, stage: StageState, out: NextAction[]) {
  if (stage.status === 'COMPLETED') return;
  for (const theme of themesOf(state, stage.code)) {
    if (!canHandIn(state, stage, theme)) continue;
    const item = state.items.find((i) => i.theme === theme);
    const names = themeNames(theme, item?.themeName ?? theme);
    out.push({
      kind: 'SUBMIT_STAGE',
      by: 'APPLICANT',
      stage: stage.code,
      theme,
      themeName: item?.themeName ?? names.zh,
      themeNameEn: item?.themeNameEn ?? names.en,
    });
  }
  if (Object.values(stage.themes ?? {}).some((t) => t.status === 'SUBMITTED'))
    out.push({ kind: 'ACCEPT_STAGE', by: 'WINDOW_OFFICER', stage: stage.code });
}
