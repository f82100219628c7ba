import type { StageCode } from '../../../domain/src';
import { isMissing } from '../materials';
import type { ProjectState } from '../types';
import { named, refuse } from './command';
import { stageOf } from './guards';
import type { CommandHandler } from './handler';
import { checkTheme, handInThemes, perTheme, themesToHandIn } from './themes';

/**
 * Every material the applicant must hand in for the stage's items not yet accepted (of the themes
 * named, when a stage is handed in per theme) is there, or the window may take it later (容缺); a
 * submission and a pre-review refuse otherwise.
 */
export function refuseMissing(state: ProjectState, stage: StageCode, themes?: string[]) {
  const missing = state.items
    .filter((i) => i.stage === stage && (i.status === 'PENDING' || i.status === 'PRE_REVIEW'))
    .filter((i) => themes === undefined || themes.includes(i.theme))
    .flatMap((i) =>
      (i.materials ?? [])
        .filter((m) => isMissing(m) && !m.deficiencyAllowed)
        .map((m) => ({ i, m })),
    );
  if (missing.length > 0)
    refuse(
      'INVALID',
      `materials missing: ${missing.map(({ i, m }) => `${i.code}: ${m.name} (${m.code})`).join('; ')}`,
      { key: 'MATERIALS_MISSING', params: { materials: missing.map(({ m }) => named(m)) } },
    );
}

/**
 * The applicant hands in the current stage's materials (again, after a return) — where the
 * catalogue accepts per theme, one theme's, or every theme's still to hand in.
 */
export const submitStage: CommandHandler<'SUBMIT_STAGE'> = {
  validate(state, c, ctx) {
    const s = stageOf(state, c.stage);
    if (c.stage !== state.stage)
      refuse('CONFLICT', `the project is in stage ${state.stage}, not ${c.stage}`, {
        key: 'WRONG_STAGE',
        params: { stage: state.stage },
      });
    const stageState = () =>
      refuse(
        'CONFLICT',
        `stage ${c.stage} is ${s.status}; only a stage not yet submitted or returned can be submitted`,
        { key: 'STAGE_STATE', params: { stage: c.stage, status: s.status } },
      );
    if (perTheme(state)) {
      if (s.status === 'COMPLETED') stageState();
      const themes = themesToHandIn(state, s, c.theme);
      if (themes.length === 0) stageState();
      if (!ctx.imported) refuseMissing(state, c.stage, themes);
      return;
    }
    if (c.theme !== undefined) checkTheme(state, s, c.theme);
    if (s.status !== 'NOT_STARTED' && s.status !== 'RETURNED') stageState();
    if (ctx.imported) return;
    refuseMissing(state, c.stage);
  },

  apply(state, c, ctx, out) {
    const s = stageOf(state, c.stage);
    if (ctx.imported)
      // Handed in and accepted in the system the project comes from.
      for (const i of state.items)
        if (i.stage === c.stage)
          for (const m of i.materials ?? []) if (isMissing(m)) m.status = 'ACCEPTED';
    const themes = perTheme(state) ? themesToHandIn(state, s, c.theme) : undefined;
    if (themes) handInThemes(state, s, themes, ctx.today);
    if (!themes || s.status === 'NOT_STARTED' || s.status === 'RETURNED') {
      s.status = 'SUBMITTED';
      s.submittedOn = ctx.today;
      delete s.returnReason;
    }
    s.submissions += 1;
    for (const i of state.items)
      if (i.stage === c.stage && i.status === 'PENDING' && !themes) i.status = 'SUBMITTED';
    out.event('STAGE_SUBMITTED', {
      stage: c.stage,
      detail: {
        note: c.note,
        materials: c.materials,
        submission: s.submissions,
        ...(themes ? { themes } : {}),
      },
    });
  },
};
