import { STAGE_CODES } from '../../domain/src';
import { applyCommand, Command, Outbox, validateCommand } from '../src';
import { Project, at, cal, types } from './fixture';

describe('initialState', () => {
  it('starts every item PENDING in round 1 with no clock, and the stages in STAGE_CODES order', () => {
    const p = new Project([{ code: 'A' }, { code: 'B', stage: 'START_PERMIT' }]);
    expect(p.state).toMatchObject({
      status: 'IN_PROGRESS',
      stage: 'PLAN',
      seq: 0,
      risk: 'ON_TRACK',
    });
    expect(p.state.stages.map((s) => [s.code, s.status])).toEqual(
      STAGE_CODES.map((c) => [c, 'NOT_STARTED']),
    );
    expect(p.item('A')).toMatchObject({
      status: 'PENDING',
      round: 1,
      taskId: 'p1:A',
      intervals: [],
      pauses: [],
      extensionDays: 0,
    });
  });

  it('passes stages that have no items at once', () => {
    const p = new Project([{ code: 'B', stage: 'START_PERMIT' }]);
    expect(p.state.stage).toBe('START_PERMIT');
    expect(p.stage('PLAN').status).toBe('COMPLETED');
    expect(p.stage('START_PERMIT').status).toBe('NOT_STARTED');
  });
});

describe('what every command shares', () => {
  it('refuses any command once the project is no longer in progress (CONFLICT, naming the status)', () => {
    const p = new Project([{ code: 'A' }]);
    p.run({ kind: 'WITHDRAW_PROJECT', reason: 'moved' }, '2026-02-09');
    expect(p.refusal({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, '2026-02-10')).toEqual({
      code: 'CONFLICT',
      message: 'the project is WITHDRAWN',
    });
    expect(p.refusal({ kind: 'WITHDRAW_PROJECT' }, '2026-02-10').message).toBe(
      'the project is WITHDRAWN',
    );
  });

  it('refuses an unknown command kind (INVALID)', () => {
    const p = new Project([{ code: 'A' }]);
    expect(p.refusal({ kind: 'FLY' } as unknown as Command, '2026-02-09')).toEqual({
      code: 'INVALID',
      message: 'unknown command FLY',
    });
  });

  it('applies a repeated request id once: the retry passes validation and reports a duplicate', () => {
    const p = new Project([{ code: 'A' }]);
    p.open('2026-02-09');
    const first = p.run({ kind: 'DECIDE', itemCode: 'A', action: 'APPROVE' }, '2026-02-10', {
      requestId: 'r-1',
    });
    expect(first.result).toMatchObject({ item: { code: 'A', status: 'APPROVED', round: 1 } });
    const seq = p.state.seq;
    const before = JSON.stringify(p.state);
    // APPROVE on an APPROVED item would be refused, but a retry of the same request is not.
    const retry = p.run({ kind: 'DECIDE', itemCode: 'A', action: 'APPROVE' }, '2026-02-11', {
      requestId: 'r-1',
    });
    expect(retry.result).toEqual({ ...first.result, seq, duplicate: true });
    expect(retry.events).toEqual([]);
    expect(JSON.stringify(p.state)).toBe(before);
    // A new request id is checked as usual.
    expect(
      p.refusal({ kind: 'DECIDE', itemCode: 'A', action: 'APPROVE' }, '2026-02-11', 'r-2').code,
    ).toBe('CONFLICT');
  });

  it('remembers the last 500 request ids', () => {
    const p = new Project([{ code: 'A' }]);
    p.open('2026-02-09');
    const ask: Command = {
      kind: 'DECIDE',
      itemCode: 'A',
      action: 'REQUEST_SUPPLEMENT',
      comment: 'x',
    };
    const answer: Command = { kind: 'ANSWER_SUPPLEMENT', itemCode: 'A' };
    for (let n = 0; n < 502; n++)
      p.run(n % 2 ? answer : ask, '2026-02-10', { requestId: `r-${n}` });
    expect(p.state.recentRequests).toHaveLength(500);
    expect(p.state.recentRequests[0]).toBe('r-2');
    expect(p.state.recentRequests.at(-1)).toBe('r-501');
  });

  it('stamps events and notices with one sequence, the instant, the actor and the principal', () => {
    const p = new Project([{ code: 'A' }]);
    const env = {
      actor: { username: 'agent', role: 'AGENT' },
      onBehalfOf: 'org-a',
      command: { kind: 'SUBMIT_STAGE', stage: 'PLAN' } as const,
    };
    validateCommand(p.state, env, { today: '2026-02-09', cal });
    const out = new Outbox(p.state, { at: at('2026-02-09') }, env);
    const result = applyCommand(
      p.state,
      env,
      { today: '2026-02-09', at: at('2026-02-09'), cal, newId: () => 'x' },
      out,
    );
    expect(out.events).toEqual([
      expect.objectContaining({
        seq: 1,
        at: at('2026-02-09'),
        actor: 'agent',
        role: 'AGENT',
        onBehalfOf: 'org-a',
        type: 'STAGE_SUBMITTED',
      }),
    ]);
    expect(result).toEqual({ seq: 1, projectStatus: 'IN_PROGRESS', stage: 'PLAN' });
    const r = p.run(
      { kind: 'ACCEPT_STAGE', stage: 'PLAN', decision: 'RETURN', reason: 'x' },
      '2026-02-09',
    );
    expect(types(r)).toEqual(['STAGE_RETURNED']);
    expect([r.events[0].seq, r.notices[0].seq]).toEqual([2, 3]);
  });
});
