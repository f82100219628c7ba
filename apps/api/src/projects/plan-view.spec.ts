import type { ProjectState } from '../../../../libs/approval/src';
import { judgeTarget, targetProblem } from './plan-view';

/** Only what the plan reads of a state: the stages' and items' status and days. */
const state = {
  stages: [
    { code: 'PLAN', status: 'COMPLETED', completedOn: '2026-03-10' },
    { code: 'START_PERMIT', status: 'IN_REVIEW' },
    { code: 'COMPLETION', status: 'NOT_STARTED' },
  ],
  items: [
    { code: 'A', name: '甲', nameEn: 'A', status: 'APPROVED', decidedOn: '2026-03-05' },
    { code: 'B', name: '乙', nameEn: 'B', status: 'REJECTED', decidedOn: '2026-03-06' },
    { code: 'C', name: '丙', nameEn: 'C', status: 'UNDER_REVIEW' },
  ],
} as unknown as ProjectState;

describe('the specialist’s plan: a target met, late or open', () => {
  const today = '2026-04-01';
  it.each([
    // met on or before the date (销号)
    [{ stage: 'PLAN', date: '2026-03-10' }, 'MET', '2026-03-10'],
    [{ item: 'A', date: '2026-03-31' }, 'MET', '2026-03-05'],
    // met after the date: the target was missed
    [{ stage: 'PLAN', date: '2026-03-09' }, 'LATE', '2026-03-10'],
    // not met and the date passed; today itself is still open
    [{ stage: 'START_PERMIT', date: '2026-03-31' }, 'LATE', undefined],
    [{ stage: 'START_PERMIT', date: today }, 'OPEN', undefined],
    // a rejection does not meet an item's target
    [{ item: 'B', date: '2026-12-31' }, 'OPEN', undefined],
    [{ item: 'C', date: '2026-12-31' }, 'OPEN', undefined],
  ])('%j is %s', (target, expected, doneOn) => {
    const v = judgeTarget(state, target, today);
    expect(v.state).toBe(expected);
    expect(v.met).toBe(expected === 'MET');
    expect(v.late).toBe(expected === 'LATE');
    expect(v.doneOn).toBe(doneOn);
  });

  it('names the stage or item in both languages', () => {
    expect(judgeTarget(state, { item: 'A', date: today }, today)).toMatchObject({
      name: '甲',
      nameEn: 'A',
    });
    expect(judgeTarget(state, { stage: 'PLAN', date: today }, today)).toMatchObject({
      name: '策划生成',
    });
  });

  it('takes one of stage and item, and only an item of the project', () => {
    expect(targetProblem(state, { stage: 'PLAN', item: 'A' }, 't[0]')).toMatch(/^t\[0\]: give/);
    expect(targetProblem(state, {}, 't[1]')).toMatch(/^t\[1\]: give/);
    expect(targetProblem(state, { item: 'Z' }, 't[2]')).toBe(
      't[2].item: Z is not an item of this project',
    );
    expect(targetProblem(state, { item: 'A' }, 't[3]')).toBeUndefined();
  });
});
