/**
 * 一次受理 per theme (issue 27; seed 003): where the catalogue's policy says `acceptPerTheme`, each
 * theme of a stage is handed in and accepted on its own — a theme whose materials are complete
 * starts its clocks while the stage's other themes wait for theirs — and the stage completes when
 * every theme's items are done. A stage of such a project keeps each theme's standing in
 * `StageState.themes`; without the policy nothing here applies and a stage is accepted whole.
 */
import { themeNames, type StageCode } from '../../../domain/src';
import type { ItemState, ProjectState, StageState, ThemeAcceptance } from '../types';
import { refuse } from './command';

export const perTheme = (state: ProjectState) => state.acceptPerTheme === true;

/** A theme by its names, for a refusal a page says in the reader's language. */
function themeNamed(state: ProjectState, theme: string) {
  const item = state.items.find((i) => i.theme === theme);
  const names = themeNames(theme, item?.themeName ?? theme);
  return { name: item?.themeName ?? names.zh, nameEn: item?.themeNameEn ?? names.en };
}

/** The stage's themes, in the catalogue's order of their items. */
export function themesOf(state: ProjectState, stage: StageCode): string[] {
  return [...new Set(state.items.filter((i) => i.stage === stage).map((i) => i.theme))];
}

/** A theme's standing: absent means not handed in yet. */
export const themeStatus = (s: StageState, theme: string) => s.themes?.[theme]?.status;

/** Whether the applicant can hand the theme in now (not yet, or returned; something to do). */
export function canHandIn(state: ProjectState, s: StageState, theme: string) {
  const st = themeStatus(s, theme);
  return (
    (st === undefined || st === 'RETURNED') &&
    state.items.some((i) => i.stage === s.code && i.theme === theme && i.status === 'PENDING')
  );
}

/** Whether an item may start: its theme is accepted, or its stage is accepted whole. */
export const themeAccepted = (s: StageState, item: ItemState) =>
  s.themes === undefined || s.themes[item.theme]?.status === 'ACCEPTED';

/**
 * The themes a submission hands in: the one named (which must be the stage's, and not handed in
 * or accepted already), or every theme still to hand in.
 */
export function themesToHandIn(state: ProjectState, s: StageState, theme: string | undefined) {
  if (theme === undefined) return themesOf(state, s.code).filter((t) => canHandIn(state, s, t));
  checkTheme(state, s, theme);
  if (!canHandIn(state, s, theme))
    refuse('CONFLICT', `theme ${theme} of stage ${s.code} is ${themeStatus(s, theme)}`, {
      key: 'THEME_STATE',
      params: { theme: themeNamed(state, theme), status: themeStatus(s, theme) ?? 'NOT_STARTED' },
    });
  return [theme];
}

/** The themes the window decides on: the one named (handed in), or every one handed in. */
export function themesToDecide(state: ProjectState, s: StageState, theme: string | undefined) {
  const submitted = themesOf(state, s.code).filter((t) => themeStatus(s, t) === 'SUBMITTED');
  if (theme === undefined) return submitted;
  checkTheme(state, s, theme);
  if (!submitted.includes(theme))
    refuse('CONFLICT', `theme ${theme} of stage ${s.code} is not handed in`, {
      key: 'THEME_STATE',
      params: { theme: themeNamed(state, theme), status: themeStatus(s, theme) ?? 'NOT_STARTED' },
    });
  return [theme];
}

export function checkTheme(state: ProjectState, s: StageState, theme: string) {
  if (!perTheme(state))
    refuse('INVALID', `theme: this project's catalogue accepts a stage as a whole, not per theme`);
  if (!themesOf(state, s.code).includes(theme))
    refuse('INVALID', `theme: ${theme} is not a theme of stage ${s.code}`);
}

/** Records each theme handed in and returns its items (now SUBMITTED). */
export function handInThemes(
  state: ProjectState,
  s: StageState,
  themes: string[],
  today: string,
  preReviewed = false,
) {
  s.themes ??= {};
  for (const theme of themes) {
    s.themes[theme] = {
      status: 'SUBMITTED',
      submittedOn: today,
      ...(preReviewed ? { preReviewed: true as const } : {}),
    };
    for (const i of state.items)
      if (i.stage === s.code && i.theme === theme && i.status === 'PENDING') i.status = 'SUBMITTED';
  }
}

/** The day an accepted theme's clocks start: a pre-reviewed theme's hand-in day, else today. */
export const themeClockStart = (t: ThemeAcceptance, today: string) =>
  t.preReviewed ? t.submittedOn : today;
