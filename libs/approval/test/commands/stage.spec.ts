import type { StageCode } from '../../../domain/src';
import { Project, types } from '../fixture';

const MON = '2026-02-09';

describe('SUBMIT_STAGE', () => {
  it('refuses a stage that does not exist (NOT_FOUND)', () => {
    const p = new Project([{ code: 'A' }]);
    expect(p.refusal({ kind: 'SUBMIT_STAGE', stage: 'DESIGN' as StageCode }, MON)).toEqual({
      code: 'NOT_FOUND',
      message: 'stage DESIGN does not exist',
    });
  });

  it('refuses a stage other than the current one (CONFLICT)', () => {
    const p = new Project([{ code: 'A' }, { code: 'B', stage: 'START_PERMIT' }]);
    expect(p.refusal({ kind: 'SUBMIT_STAGE', stage: 'START_PERMIT' }, MON)).toEqual({
      code: 'CONFLICT',
      message: 'the project is in stage PLAN, not START_PERMIT',
    });
  });

  it('refuses a stage already submitted or accepted (CONFLICT, naming its status)', () => {
    const p = new Project([{ code: 'A' }]);
    p.run({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, MON);
    expect(p.refusal({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, MON)).toEqual({
      code: 'CONFLICT',
      message:
        'stage PLAN is SUBMITTED; only a stage not yet submitted or returned can be submitted',
    });
    p.run({ kind: 'ACCEPT_STAGE', stage: 'PLAN', decision: 'ACCEPT' }, MON);
    expect(p.refusal({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, MON).message).toMatch(
      /^stage PLAN is IN_REVIEW;/,
    );
  });

  it('submits the stage: its items wait for the window, no clock runs yet', () => {
    const p = new Project([{ code: 'A' }, { code: 'B', stage: 'START_PERMIT' }]);
    const r = p.run(
      { kind: 'SUBMIT_STAGE', stage: 'PLAN', note: 'all in', materials: [{ name: 'site plan' }] },
      MON,
    );
    expect(p.stage('PLAN')).toMatchObject({
      status: 'SUBMITTED',
      submittedOn: MON,
      submissions: 1,
    });
    expect(p.item('A')).toMatchObject({ status: 'SUBMITTED', intervals: [] });
    expect(p.item('B').status).toBe('PENDING');
    expect(r.events).toEqual([
      expect.objectContaining({
        type: 'STAGE_SUBMITTED',
        stage: 'PLAN',
        actor: 'applicant',
        detail: { note: 'all in', materials: [{ name: 'site plan' }], submission: 1 },
      }),
    ]);
    expect(r.events[0].clockEffect).toBeUndefined();
    expect(r.result).toEqual({ seq: 1, projectStatus: 'IN_PROGRESS', stage: 'PLAN' });
  });

  it('submits a returned stage again: a second submission, the return reason cleared', () => {
    const p = new Project([{ code: 'A' }]);
    p.run({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, MON);
    p.run({ kind: 'ACCEPT_STAGE', stage: 'PLAN', decision: 'RETURN', reason: 'unsigned' }, MON);
    p.run({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, '2026-02-10');
    expect(p.stage('PLAN')).toEqual(
      expect.objectContaining({ status: 'SUBMITTED', submittedOn: '2026-02-10', submissions: 2 }),
    );
    expect(p.stage('PLAN').returnReason).toBeUndefined();
    expect(p.item('A').status).toBe('SUBMITTED');
  });
});

describe('ACCEPT_STAGE', () => {
  const submitted = () => {
    const p = new Project([
      { code: 'A', department: 'NRP' },
      { code: 'B', department: 'DRC' },
      { code: 'C', department: 'NRP', prerequisites: ['A'] },
    ]);
    p.run({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, MON);
    return p;
  };

  it('refuses a stage that has not been submitted (CONFLICT, naming its status)', () => {
    const p = new Project([{ code: 'A' }]);
    expect(p.refusal({ kind: 'ACCEPT_STAGE', stage: 'PLAN', decision: 'ACCEPT' }, MON)).toEqual({
      code: 'CONFLICT',
      message: 'stage PLAN is NOT_STARTED; only a submitted stage can be accepted or returned',
    });
  });

  it('refuses a stage that does not exist (NOT_FOUND)', () => {
    const p = submitted();
    expect(
      p.refusal({ kind: 'ACCEPT_STAGE', stage: 'NOPE' as StageCode, decision: 'ACCEPT' }, MON).code,
    ).toBe('NOT_FOUND');
  });

  it('refuses a decision other than ACCEPT or RETURN (INVALID)', () => {
    const p = submitted();
    expect(
      p.refusal({ kind: 'ACCEPT_STAGE', stage: 'PLAN', decision: 'MAYBE' as 'ACCEPT' }, MON),
    ).toEqual({ code: 'INVALID', message: 'decision must be ACCEPT or RETURN' });
  });

  it('refuses a return without a reason (INVALID, naming the field)', () => {
    const p = submitted();
    for (const reason of [undefined, '', '   '])
      expect(
        p.refusal({ kind: 'ACCEPT_STAGE', stage: 'PLAN', decision: 'RETURN', reason }, MON),
      ).toEqual({ code: 'INVALID', message: 'reason is required' });
  });

  it('returns the stage: items back to PENDING, the applicant told, no clock started', () => {
    const p = submitted();
    const r = p.run(
      { kind: 'ACCEPT_STAGE', stage: 'PLAN', decision: 'RETURN', reason: 'map missing' },
      MON,
    );
    expect(p.stage('PLAN')).toMatchObject({ status: 'RETURNED', returnReason: 'map missing' });
    expect(p.state.items.map((i) => i.status)).toEqual(['PENDING', 'PENDING', 'PENDING']);
    expect(p.state.items.every((i) => i.intervals.length === 0)).toBe(true);
    expect(types(r)).toEqual(['STAGE_RETURNED']);
    expect(r.notices).toEqual([
      expect.objectContaining({
        recipientRole: 'APPLICANT',
        organisation: 'org-a',
        kind: 'STAGE_RETURNED',
        message: 'Stage Plan was returned: map missing. No clock runs while you prepare it again.',
      }),
    ]);
  });

  it('accepts the stage: items start their clocks that day, except those waiting on a prerequisite', () => {
    const p = submitted();
    const r = p.run({ kind: 'ACCEPT_STAGE', stage: 'PLAN', decision: 'ACCEPT' }, MON);
    expect(p.stage('PLAN')).toMatchObject({ status: 'IN_REVIEW', acceptedOn: MON });
    expect(p.item('A')).toMatchObject({ status: 'UNDER_REVIEW', intervals: [{ from: MON }] });
    expect(p.item('B')).toMatchObject({ status: 'UNDER_REVIEW', intervals: [{ from: MON }] });
    expect(p.item('C')).toMatchObject({ status: 'PENDING', intervals: [] });
    expect(r.events.map((e) => [e.type, e.itemCode, e.clockEffect])).toEqual([
      ['STAGE_ACCEPTED', undefined, 'STARTED'],
      ['ITEM_STARTED', 'A', 'STARTED'],
      ['ITEM_STARTED', 'B', 'STARTED'],
    ]);
    // The prerequisite approved: the waiting item starts that day.
    const d = p.run({ kind: 'DECIDE', itemCode: 'A', action: 'APPROVE' }, '2026-02-12');
    expect(p.item('C')).toMatchObject({
      status: 'UNDER_REVIEW',
      intervals: [{ from: '2026-02-12' }],
    });
    expect(types(d)).toEqual(['ITEM_APPROVED', 'ITEM_STARTED']);
  });

  it('passes a following stage with no items, and completes the project after the last', () => {
    const p = new Project([{ code: 'A' }, { code: 'Z', stage: 'COMPLETION' }]);
    p.open(MON);
    const r = p.run({ kind: 'DECIDE', itemCode: 'A', action: 'APPROVE' }, '2026-02-10');
    expect(types(r)).toEqual(['ITEM_APPROVED', 'STAGE_COMPLETED', 'STAGE_COMPLETED']);
    expect(p.state.stage).toBe('COMPLETION');
    expect(p.stage('START_PERMIT')).toMatchObject({
      status: 'COMPLETED',
      completedOn: '2026-02-10',
    });
    expect(p.stage('COMPLETION').status).toBe('NOT_STARTED');
    p.open('2026-02-11');
    const z = p.run({ kind: 'DECIDE', itemCode: 'Z', action: 'APPROVE' }, '2026-02-12');
    expect(types(z)).toEqual(['ITEM_APPROVED', 'STAGE_COMPLETED', 'PROJECT_COMPLETED']);
    expect(p.state).toMatchObject({ status: 'COMPLETED', closedOn: '2026-02-12' });
    expect(z.result).toMatchObject({ projectStatus: 'COMPLETED', item: { status: 'APPROVED' } });
  });
});
