import type { StageCode } from '../../../domain/src';
import { isMissing } from '../materials';
import type { ProjectState } from '../types';
import { named, refuse } from './command';
import { stageOf } from './guards';
import type { CommandHandler } from './handler';

/**
 * Every material the applicant must hand in for the stage's items not yet accepted is there, or
 * the window may take it later (容缺); a submission and a pre-review refuse otherwise.
 */
export function refuseMissing(state: ProjectState, stage: StageCode) {
  const missing = state.items
    .filter((i) => i.stage === stage && (i.status === 'PENDING' || i.status === 'PRE_REVIEW'))
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

/** The applicant hands in the current stage's materials (again, after a return). */
export const submitStage: CommandHandler<'SUBMIT_STAGE'> = {
  validate(state, c, ctx) {
    const s = stageOf(state, c.stage);
    if (c.stage !== state.stage)
      refuse('CONFLICT', `the project is in stage ${state.stage}, not ${c.stage}`, {
        key: 'WRONG_STAGE',
        params: { stage: state.stage },
      });
    if (s.status !== 'NOT_STARTED' && s.status !== 'RETURNED')
      refuse(
        'CONFLICT',
        `stage ${c.stage} is ${s.status}; only a stage not yet submitted or returned can be submitted`,
        { key: 'STAGE_STATE', params: { stage: c.stage, status: s.status } },
      );
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
    s.status = 'SUBMITTED';
    s.submittedOn = ctx.today;
    s.submissions += 1;
    delete s.returnReason;
    for (const i of state.items)
      if (i.stage === c.stage && i.status === 'PENDING') i.status = 'SUBMITTED';
    out.event('STAGE_SUBMITTED', {
      stage: c.stage,
      detail: { note: c.note, materials: c.materials, submission: s.submissions },
    });
  },
};
