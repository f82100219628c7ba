import { endStop } from '../item-clock';
import * as notices from '../notices';
import { refuse } from './command';
import { findItem } from './guards';
import type { CommandHandler } from './handler';
import type { JointProcedureState, ProjectState } from '../types';

function procedure(state: ProjectState, id: string): JointProcedureState {
  return (
    state.jointProcedures.find((j) => j.id === id) ??
    refuse('NOT_FOUND', `joint procedure ${id} does not exist`, { key: 'NOT_FOUND' })
  );
}

/**
 * A department records its result of a joint procedure. When all have, the procedure is done,
 * and after a site survey its items' clocks run again (unless a 容缺 was missed meanwhile).
 */
export const recordJointResult: CommandHandler<'RECORD_JOINT_RESULT'> = {
  validate(state, c) {
    const jp = procedure(state, c.procedureId);
    if (jp.status !== 'SCHEDULED')
      refuse('CONFLICT', `joint procedure ${jp.id} is already done`, {
        key: 'JOINT_DONE',
        params: { type: jp.type },
      });
    if (!jp.departments.includes(c.department))
      refuse(
        'CONFLICT',
        `department ${c.department} does not take part in joint procedure ${jp.id}`,
        { key: 'NOT_IN_JOINT', params: { department: c.department, type: jp.type } },
      );
    if (jp.results[c.department])
      refuse('CONFLICT', `department ${c.department} has already recorded its result`, {
        key: 'JOINT_RECORDED',
        params: { department: c.department },
      });
    if (typeof c.passed !== 'boolean') refuse('INVALID', 'passed must be true or false');
  },

  apply(state, c, ctx, out, env) {
    const jp = procedure(state, c.procedureId);
    jp.results[c.department] = {
      passed: c.passed,
      comment: c.comment,
      on: ctx.today,
      by: env.actor.username,
    };
    out.event('JOINT_RESULT_RECORDED', {
      stage: jp.stage,
      detail: {
        id: jp.id,
        type: jp.type,
        department: c.department,
        passed: c.passed,
        comment: c.comment,
      },
    });
    if (!jp.departments.every((d) => jp.results[d])) return;
    jp.status = 'DONE';
    out.event('JOINT_PROCEDURE_DONE', {
      stage: jp.stage,
      detail: {
        id: jp.id,
        type: jp.type,
        passed: jp.departments.every((d) => jp.results[d].passed),
      },
    });
    if (jp.type !== 'SITE_SURVEY') return;
    for (const code of jp.itemCodes) {
      const item = findItem(state, code);
      if (item.status !== 'SPECIAL_PROCEDURE') continue;
      const missed = endStop(item, ctx.today);
      out.event('SPECIAL_PROCEDURE_ENDED', {
        stage: item.stage,
        itemCode: code,
        detail: { jointProcedure: jp.id },
        ...(missed ? {} : { clockEffect: 'RESUMED' as const }),
      });
      if (missed) out.notice(notices.stillStopped(state, item, missed, ctx.today));
    }
  },
};
