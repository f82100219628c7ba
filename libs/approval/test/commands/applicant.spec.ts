import type { Command } from '../../src';
import { Project, types } from '../fixture';

const MON = '2026-02-09';
const THU = '2026-02-12';

function reviewing() {
  const p = new Project([
    { code: 'A', department: 'NRP' },
    { code: 'B', department: 'DRC' },
    { code: 'S', stage: 'START_PERMIT' },
  ]);
  p.open(MON);
  return p;
}

const supplement: Command = {
  kind: 'DECIDE',
  itemCode: 'A',
  action: 'REQUEST_SUPPLEMENT',
  comment: 'signed map',
};
const deficiency = (dueDate: string): Command => ({
  kind: 'DECIDE',
  itemCode: 'A',
  action: 'ACCEPT_WITH_DEFICIENCY',
  deficiency: { description: 'EIA', dueDate },
});

describe('ANSWER_SUPPLEMENT', () => {
  it('refuses an item not on the checklist (NOT_FOUND)', () => {
    const p = reviewing();
    expect(p.refusal({ kind: 'ANSWER_SUPPLEMENT', itemCode: 'X' }, THU).code).toBe('NOT_FOUND');
  });

  it('refuses when no supplement was requested (CONFLICT, naming the status)', () => {
    const p = reviewing();
    expect(p.refusal({ kind: 'ANSWER_SUPPLEMENT', itemCode: 'A' }, THU)).toEqual({
      code: 'CONFLICT',
      message: 'item A is UNDER_REVIEW; no supplement was requested',
    });
  });

  it('runs the clock again from the day of the answer', () => {
    const p = reviewing();
    p.run(supplement, '2026-02-10');
    const r = p.run({ kind: 'ANSWER_SUPPLEMENT', itemCode: 'A', note: 'here' }, THU);
    expect(p.item('A')).toMatchObject({
      status: 'UNDER_REVIEW',
      intervals: [{ from: MON, to: '2026-02-10' }, { from: THU }],
      pauses: [{ reason: 'SUPPLEMENT', from: '2026-02-10', to: THU }],
    });
    expect(r.events).toEqual([
      expect.objectContaining({
        type: 'SUPPLEMENT_ANSWERED',
        itemCode: 'A',
        detail: { note: 'here' },
        clockEffect: 'RESUMED',
      }),
    ]);
    expect(r.notices).toEqual([]);
    expect(r.result.item).toEqual({ code: 'A', status: 'UNDER_REVIEW', round: 1 });
  });

  it('leaves the item SUSPENDED when a 容缺 commitment was missed meanwhile', () => {
    const p = reviewing();
    p.run(deficiency('2026-02-10'), MON);
    p.run(supplement, MON);
    p.tick('2026-02-11');
    const r = p.run({ kind: 'ANSWER_SUPPLEMENT', itemCode: 'A' }, THU);
    expect(p.item('A').status).toBe('SUSPENDED');
    expect(p.item('A').pauses.at(-1)).toEqual({
      reason: 'DEFICIENCY_OVERDUE',
      from: THU,
      note: 'EIA',
    });
    expect(r.events[0].clockEffect).toBeUndefined();
    expect(r.notices.map((n) => n.kind)).toEqual(['CLOCK_STOPPED']);
  });
});

describe('DELIVER_DEFICIENCY', () => {
  it('refuses when nothing is outstanding (CONFLICT)', () => {
    const p = reviewing();
    expect(p.refusal({ kind: 'DELIVER_DEFICIENCY', itemCode: 'A' }, THU)).toEqual({
      code: 'CONFLICT',
      message: 'item A has no outstanding deficiency',
    });
  });

  it('refuses on a decided item (CONFLICT, naming the status)', () => {
    const p = reviewing();
    p.run(deficiency('2026-02-10'), MON);
    p.tick('2026-02-11');
    p.run({ kind: 'DECIDE', itemCode: 'A', action: 'REJECT', comment: 'late' }, THU);
    expect(p.refusal({ kind: 'DELIVER_DEFICIENCY', itemCode: 'A' }, THU)).toEqual({
      code: 'CONFLICT',
      message: 'item A is REJECTED',
    });
  });

  it('marks the materials delivered; a running clock is not touched', () => {
    const p = reviewing();
    p.run(deficiency('2026-02-27'), MON);
    const r = p.run({ kind: 'DELIVER_DEFICIENCY', itemCode: 'A', note: 'sent' }, THU);
    expect(p.item('A')).toMatchObject({
      status: 'UNDER_REVIEW',
      intervals: [{ from: MON }],
      deficiencies: [{ status: 'DELIVERED', deliveredOn: THU }],
    });
    expect(r.events).toEqual([
      expect.objectContaining({ type: 'DEFICIENCY_DELIVERED', detail: { note: 'sent' } }),
    ]);
    expect(r.events[0].clockEffect).toBeUndefined();
  });

  it('resumes a suspended item from the day of delivery', () => {
    const p = reviewing();
    p.run(deficiency('2026-02-10'), MON);
    p.tick('2026-02-11');
    const r = p.run({ kind: 'DELIVER_DEFICIENCY', itemCode: 'A' }, THU);
    expect(p.item('A')).toMatchObject({
      status: 'UNDER_REVIEW',
      intervals: [{ from: MON, to: '2026-02-10' }, { from: THU }],
      pauses: [{ reason: 'DEFICIENCY_OVERDUE', from: '2026-02-10', to: THU }],
      deficiencies: [{ status: 'DELIVERED', deliveredOn: THU }],
    });
    expect(r.events[0].clockEffect).toBe('RESUMED');
  });
});

describe('RESUBMIT_ITEM', () => {
  it('refuses an item that is not rejected (CONFLICT, naming the status)', () => {
    const p = reviewing();
    expect(p.refusal({ kind: 'RESUBMIT_ITEM', itemCode: 'A' }, THU)).toEqual({
      code: 'CONFLICT',
      message: 'item A is UNDER_REVIEW; only a rejected item can be resubmitted',
    });
  });

  it('starts round 2 with a fresh item clock; round 1 stays on the project clock', () => {
    const p = reviewing();
    p.run(deficiency('2026-02-27'), MON);
    p.run({ kind: 'DECIDE', itemCode: 'A', action: 'REJECT', comment: 'no' }, '2026-02-10');
    const r = p.run({ kind: 'RESUBMIT_ITEM', itemCode: 'A', note: 'fixed' }, THU);
    expect(p.item('A')).toMatchObject({
      status: 'UNDER_REVIEW',
      round: 2,
      risk: 'ON_TRACK',
      intervals: [{ from: THU }],
      pastIntervals: [{ from: MON, to: '2026-02-10' }],
      deficiencies: [],
    });
    expect(p.item('A').decidedOn).toBeUndefined();
    expect(p.stage('PLAN').status).toBe('IN_REVIEW');
    expect(r.events).toEqual([
      expect.objectContaining({
        type: 'ITEM_RESUBMITTED',
        detail: { note: 'fixed', round: 2 },
        clockEffect: 'RESTARTED',
      }),
    ]);
    expect(r.result.item).toEqual({ code: 'A', status: 'UNDER_REVIEW', round: 2 });
  });
});

describe('WITHDRAW_ITEM', () => {
  it('refuses an item already approved or withdrawn (CONFLICT)', () => {
    const p = reviewing();
    p.run({ kind: 'DECIDE', itemCode: 'A', action: 'APPROVE' }, THU);
    expect(p.refusal({ kind: 'WITHDRAW_ITEM', itemCode: 'A' }, THU)).toEqual({
      code: 'CONFLICT',
      message: 'item A is already APPROVED',
    });
  });

  it('refuses an item of another stage (CONFLICT, naming both stages)', () => {
    const p = reviewing();
    expect(p.refusal({ kind: 'WITHDRAW_ITEM', itemCode: 'S' }, THU)).toEqual({
      code: 'CONFLICT',
      message:
        'item S belongs to stage START_PERMIT; only items of the current stage (PLAN) can be withdrawn',
    });
  });

  it('ends the item clock (and any pause); the stage may complete without it', () => {
    const p = reviewing();
    p.run({ kind: 'DECIDE', itemCode: 'B', action: 'APPROVE' }, '2026-02-10');
    p.run(supplement, '2026-02-10');
    const r = p.run({ kind: 'WITHDRAW_ITEM', itemCode: 'A', reason: 'not needed' }, THU);
    expect(p.item('A')).toMatchObject({
      status: 'WITHDRAWN',
      intervals: [{ from: MON, to: '2026-02-10' }],
      pauses: [{ reason: 'SUPPLEMENT', from: '2026-02-10', to: THU }],
    });
    expect(types(r)).toEqual(['ITEM_WITHDRAWN', 'STAGE_COMPLETED']);
    expect(r.events[0]).toMatchObject({ detail: { reason: 'not needed' }, clockEffect: 'ENDED' });
    expect(p.state.stage).toBe('START_PERMIT');
  });

  it('unblocks a stage held by a rejected item', () => {
    const p = reviewing();
    p.run({ kind: 'DECIDE', itemCode: 'A', action: 'REJECT', comment: 'no' }, '2026-02-10');
    p.run({ kind: 'DECIDE', itemCode: 'B', action: 'APPROVE' }, '2026-02-10');
    expect(p.stage('PLAN').status).toBe('BLOCKED');
    p.run({ kind: 'WITHDRAW_ITEM', itemCode: 'A' }, THU);
    expect(p.stage('PLAN')).toMatchObject({ status: 'COMPLETED', completedOn: THU });
  });
});

describe('WITHDRAW_PROJECT', () => {
  it('ends every open item and the project WITHDRAWN', () => {
    const p = reviewing();
    p.run({ kind: 'DECIDE', itemCode: 'B', action: 'APPROVE' }, '2026-02-10');
    const r = p.run({ kind: 'WITHDRAW_PROJECT', reason: 'cancelled' }, THU);
    expect(p.state).toMatchObject({ status: 'WITHDRAWN', closedOn: THU });
    expect(p.state.items.map((i) => [i.code, i.status])).toEqual([
      ['A', 'WITHDRAWN'],
      ['B', 'APPROVED'],
      ['S', 'WITHDRAWN'],
    ]);
    expect(p.item('A').intervals).toEqual([{ from: MON, to: THU }]);
    expect(r.events).toEqual([
      expect.objectContaining({
        type: 'PROJECT_WITHDRAWN',
        detail: { reason: 'cancelled' },
        clockEffect: 'ENDED',
      }),
    ]);
    expect(r.result).toMatchObject({ projectStatus: 'WITHDRAWN' });
  });

  it('ends the project REJECTED when an item stands rejected', () => {
    const p = reviewing();
    p.run({ kind: 'DECIDE', itemCode: 'A', action: 'REJECT', comment: 'no' }, '2026-02-10');
    const r = p.run({ kind: 'WITHDRAW_PROJECT' }, THU);
    expect(p.state.status).toBe('REJECTED');
    expect(p.item('A').status).toBe('REJECTED');
    expect(types(r)).toEqual(['PROJECT_REJECTED']);
  });
});
